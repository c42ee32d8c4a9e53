import type { Announcer } from '@em/conversations/announcer';
import { createDeltaBatcher } from './delta-batcher';

/** A turn still running after this long shows "typing…" (a reply made in one piece never does). */
export const TYPING_AFTER_MS = 300;

/**
 * What the customer sees while the AI is still writing one reply. Nothing, for a reply made in one
 * piece within TYPING_AFTER_MS (the offline model answers in milliseconds: a typing indicator on and
 * off would be two publishes and two fan-outs for a flicker nobody reads); "typing" once the turn
 * takes longer, or as soon as a streaming model sends text, which goes out as coalesced deltas
 * under the reply's id. `end` turns the indicator off only if it was turned on.
 */
export function createLiveReply(announce: Pick<Announcer, 'botTyping' | 'delta'>, conversationId: string, replyId: string, typingAfterMs = TYPING_AFTER_MS) {
  let typing = false;
  const showTyping = () => {
    if (typing) return;
    typing = true;
    announce.botTyping(conversationId, true);
  };
  const timer = setTimeout(showTyping, typingAfterMs);
  const deltas = createDeltaBatcher((delta) => {
    showTyping();
    announce.delta(conversationId, replyId, delta);
  });
  return {
    push: deltas.push,
    /** Sends buffered text now: before the final message:new, so deltas never trail it. */
    flush: deltas.flush,
    end() {
      clearTimeout(timer);
      deltas.cancel();
      if (typing) announce.botTyping(conversationId, false);
    },
  };
}
