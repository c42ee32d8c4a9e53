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
import type { AgentActor, Context } from '../context';
import { transitionFor } from '../machine';

/** How long a retried send waits for its first attempt to be stored (ms), and how often it looks. */
const PENDING_WAIT_MS = 3000;
const PENDING_POLL_MS = 50;

/** What customers and agents write (and type), and the customer's rating. */
export function messageUseCases(ctx: Context) {
  const { db, announce } = ctx.deps;
  return {
    /**
     * A customer's message from the widget: stored once (clientMessageId), queued for the AI, shown
     * in the customer's other tabs and to consoles watching. A repeat acks the stored message and
     * re-adds its job: the first attempt may have committed but lost its connection before
     * enqueueing. BullMQ ignores a jobId it still holds and the AI never answers a message twice.
     */
    async acceptCustomerMessage(input: { conversationId: string; clientMessageId: string; text: string; attachments?: string[] }): Promise<{ ack: MessageSendAck; message?: Message }> {
      const { conversationId, clientMessageId, text } = input;
      // The customer's own uploads: their session is the conversation (issue 20; linked in the insert's transaction).
      const attach = input.attachments?.length ? { uploader: { kind: 'customer' as const, id: conversationId }, ids: input.attachments } : undefined;
      const { queue, dedup } = ctx.deps;
      if (!queue) throw new Error('acceptCustomerMessage needs a job producer');
      const enqueue = (m: Message) => queue.add('message', { messageId: m.id, conversationId, seq: m.seq }, { jobId: m.id });
      const repeat = async (m: Message) => {
        await enqueue(m);
        return { ack: { messageId: m.id, seq: m.seq, duplicate: true } };
      };
      const conv = await getConversation(db, conversationId);
      if (!conv) throw new AppError('conversation_closed', 'This conversation no longer exists.');
      const claim = dedup ? await dedup.claim(conversationId, clientMessageId) : ({ won: true } as const);
      if (!claim.won) {
        // A retry racing the first attempt (another tab or node) waits for it to be stored.
        for (let waited = 0; ; waited += PENDING_POLL_MS) {
          const existing = await findByClientMessageId(db, conversationId, clientMessageId);
          if (existing) return repeat(existing);
          if (waited >= PENDING_WAIT_MS) throw new AppError('conflict', 'This message is still being processed; retry shortly.');
          await new Promise((r) => setTimeout(r, PENDING_POLL_MS));
        }
      }
      let msg: Message | null;
      try {
        msg = await appendMessage(db, { conversationId, role: 'customer', text, clientMessageId, ...(attach ? { attach } : {}) });
        // The unique (conversation, clientMessageId) index caught a repeat older than the dedup window.
        if (!msg) {
          const existing = (await findByClientMessageId(db, conversationId, clientMessageId))!;
          await dedup?.settle(conversationId, clientMessageId, existing.id);
          return repeat(existing);
        }
        await enqueue(msg);
        await dedup?.settle(conversationId, clientMessageId, msg.id);
      } catch (err) {
        await dedup?.release(conversationId, clientMessageId).catch(() => {});
        throw err;
      }
      announce.message(msg);
      // While it waits for a person, the queue row (last message) changes for everyone.
      if (conv.status === 'waiting_human') await ctx.refreshQueue();
      return { ack: { messageId: msg.id, seq: msg.seq, duplicate: false }, message: msg };
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
        if (!msg) return { duplicate: await findByClientMessageId(db, conversationId, clientMessageId) };
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
