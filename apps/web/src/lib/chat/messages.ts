import type { Message } from '@em/contracts/schemas';

export type SendState = 'sending' | 'sent' | 'failed';

/** A Message as the widget holds it: maybe still local (not acked), still streaming, or a local notice. */
export interface ChatMessage extends Message {
  /** Present on messages this tab sent; seq is 0 until the server acks. */
  local?: { state: SendState; error?: string };
  /** A bot reply still arriving through message:delta; replaced by the final message:new. */
  streaming?: boolean;
  /** Arrived by streaming and not fully shown yet (the bubble reveals it, then clears this). */
  streamed?: boolean;
  /** A notice the widget made itself (an agent handoff); its seq is fractional, between server messages. */
  notice?: 'handoff';
}

/** Server messages in seq order; unsequenced ones (local, streaming) keep arrival order after them. */
export const bySeq = (a: ChatMessage, b: ChatMessage) => (a.seq || Infinity) - (b.seq || Infinity) || 0;

/** Merges by id, or by clientMessageId for our own message echoed back before or after its ack. */
export function mergeMessages(list: ChatMessage[], incoming: Message[]): ChatMessage[] {
  const next = [...list];
  for (const m of incoming) {
    const i = next.findIndex(
      (x) => x.id === m.id || (!!m.clientMessageId && x.role === 'customer' && x.clientMessageId === m.clientMessageId),
    );
    const prev = i >= 0 ? next[i] : undefined;
    const merged: ChatMessage = prev?.local ? { ...m, local: { state: 'sent' } } : { ...m };
    if (prev?.streaming || prev?.streamed) merged.streamed = true;
    if (i >= 0) next[i] = merged;
    else next.push(merged);
  }
  return next.sort(bySeq);
}

/** Highest server seq we hold (local notices do not count: history:sync needs an integer). */
export const maxSeq = (messages: ChatMessage[]) =>
  messages.reduce((max, m) => (m.notice ? max : Math.max(max, m.seq || 0)), 0);

/** Own messages not yet acknowledged by the server: resent (same clientMessageId) after a reconnect. */
export const pendingSends = (messages: ChatMessage[]) => messages.filter((m) => m.local?.state === 'sending');
