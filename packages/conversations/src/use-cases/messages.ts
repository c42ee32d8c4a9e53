import { AppError } from '@em/contracts/errors';
import type { MessageSendAck } from '@em/contracts/events';
import type { Message } from '@em/contracts/schemas';
import {
  appendMessage,
  findByClientMessageId,
  getConversation,
  lockConversation,
  markFirstHumanReply,
  rateConversation,
  recordEvent,
} from '@em/db/queries/conversations';
import { appendCustomerMessage } from '@em/db/queries/customer-message';
import type { AgentActor, Context } from '../context';
import { transitionFor } from '../machine';

/** What customers and agents write (and type), and the customer's rating. */
export function messageUseCases(ctx: Context) {
  const { db, announce } = ctx.deps;
  return {
    /**
     * A customer's message from the widget: stored once (clientMessageId), queued for the AI, shown
     * in the customer's other tabs and to consoles watching. A repeat acks the stored message and
     * re-adds its job: the first attempt may have committed but lost its connection before
     * enqueueing. BullMQ ignores a jobId it still holds and the AI never answers a message twice.
     * The database's unique index is the only de-duplication (issue 18: a Redis key in front of it
     * decided nothing the index does not, at two round trips a message).
     */
    async acceptCustomerMessage(input: { conversationId: string; clientMessageId: string; text: string; attachments?: string[] }): Promise<{ ack: MessageSendAck; message?: Message }> {
      const { conversationId, clientMessageId, text } = input;
      // The customer's own uploads: their session is the conversation (issue 20; linked in the insert's transaction).
      const attach = input.attachments?.length ? { uploader: { kind: 'customer' as const, id: conversationId }, ids: input.attachments } : undefined;
      const { queue } = ctx.deps;
      if (!queue) throw new Error('acceptCustomerMessage needs a job producer');
      const enqueue = (m: Message) => queue.add('message', { messageId: m.id, conversationId, seq: m.seq }, { jobId: m.id });
      const r = await appendCustomerMessage(db, { conversationId, clientMessageId, text, ...(attach ? { attach } : {}) });
      if (r.kind === 'no_conversation') throw new AppError('conversation_closed', 'This conversation no longer exists.');
      await enqueue(r.message);
      if (r.kind === 'duplicate') return { ack: { messageId: r.message.id, seq: r.message.seq, duplicate: true } };
      announce.message(r.message);
      // While it waits for a person, the queue row (last message) changes for everyone.
      if (r.status === 'waiting_human') await ctx.refreshQueue();
      return { ack: { messageId: r.message.id, seq: r.message.seq, duplicate: false }, message: r.message };
    },

    /** The owner writes to the customer; checked and stored under the row lock, so a release can't interleave. */
    async agentReply(agent: AgentActor, input: { conversationId: string; clientMessageId: string; text: string; attachments?: string[] }): Promise<MessageSendAck> {
      const { conversationId, clientMessageId, text } = input;
      const attach = input.attachments?.length ? { uploader: { kind: 'agent' as const, id: agent.userId }, ids: input.attachments } : undefined;
      const r = await db.transaction(async (tx) => {
        const conv = await lockConversation(tx, conversationId);
        if (!conv) throw new AppError('not_found', 'No such conversation.');
        if (!transitionFor(agent, 'agent_reply', conv)) {
          throw new AppError('forbidden', 'Claim this conversation before replying: only its owner can write to the customer.');
        }
        const msg = await appendMessage(tx, { conversationId, role: 'human', authorName: agent.name, text, clientMessageId, ...(attach ? { attach } : {}) });
        // Read on the transaction's own connection: waiting for a second one while holding this one could starve a small pool.
        if (!msg) return { duplicate: await findByClientMessageId(tx, conversationId, clientMessageId) };
        await recordEvent(tx, conversationId, 'human_reply', { messageId: msg.id, agentId: agent.userId });
        await markFirstHumanReply(tx, conversationId);
        return { msg };
      });
      if ('duplicate' in r) {
        if (!r.duplicate) throw new AppError('conflict', 'Retry shortly.');
        return { messageId: r.duplicate.id, seq: r.duplicate.seq, duplicate: true };
      }
      announce.agentTyping(conversationId, agent.name, false);
      announce.message(r.msg);
      return { messageId: r.msg.id, seq: r.msg.seq, duplicate: false };
    },

    /** Only the owner's typing reaches the customer. */
    async agentTyping(agent: AgentActor, conversationId: string, isTyping: boolean) {
      const conv = await getConversation(db, conversationId);
      if (conv && transitionFor(agent, 'agent_reply', conv)) announce.agentTyping(conversationId, agent.name, isTyping);
    },

    async rate(conversationId: string, score: number, comment?: string) {
      await rateConversation(db, conversationId, score, comment);
      return { recorded: true as const };
    },
  };
}
