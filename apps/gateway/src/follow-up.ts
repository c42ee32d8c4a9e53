import type { Namespace } from 'socket.io';
import { conversationRoom } from '@em/contracts/events';
import type { FollowUpPort } from '@em/conversations/follow-up';
import type { Logger } from '@em/config/logger';

/**
 * After an agent's reply: when no tab of the customer is connected (no /chat socket in the
 * conversation's room on any gateway node: fetchSockets asks every node through the Redis adapter),
 * the reply is mailed (batched per conversation, @em/mail follow-up.ts). A node that does not
 * answer counts as "not there": a mail too many beats a reply nobody reads.
 */
export function createAgentReplyFollowUp(deps: { chat: Pick<Namespace, 'in'>; followUp?: FollowUpPort; logger: Logger }) {
  return (conversationId: string, messageId: string) => {
    const followUp = deps.followUp;
    if (!followUp) return;
    void (async () => {
      const present = await deps.chat
        .in(conversationRoom(conversationId))
        .fetchSockets()
        .then((s) => s.length > 0)
        .catch(() => false);
      if (!present) await followUp.agentReplied({ conversationId, messageId });
    })().catch((err: unknown) => deps.logger.warn({ err, conversationId }, 'reply mail could not be queued'));
  };
}
