import { randomUUID } from 'node:crypto';
import type { Emitter } from '@socket.io/redis-emitter';
import { conversationRoom } from '@em/contracts/events';
import { MessageJob } from '@em/contracts/jobs';
import type { Logger } from '@em/config/logger';
import type { Db } from '@em/db/client';
import { appendMessage, findReplyTo, getConversation, getMessage, listMessages, recordEvent, setStatus } from '@em/db/queries/conversations';
import { getCustomerById } from '@em/db/queries/orders';
import { runTurn, type SupportGraph } from '@em/agents/graph';
import type { SessionState } from './session-state';

export interface ProcessDeps {
  db: Db;
  graph: SupportGraph;
  emitter: Emitter;
  sessions: SessionState;
  logger: Logger;
}

const HISTORY_TURNS = 12;

/**
 * One customer message → at most one bot reply. The reply row is unique on reply_to, so a retried
 * or duplicated job finds the existing reply and only re-announces it.
 */
export function createMessageProcessor(deps: ProcessDeps) {
  return async function processMessage(data: unknown, signal?: AbortSignal) {
    const job = MessageJob.parse(data);
    const chat = deps.emitter.of('/chat').to(conversationRoom(job.conversationId));
    const existing = await findReplyTo(deps.db, job.messageId);
    if (existing) return { replyId: existing.id, duplicate: true };

    const [conv, msg] = await Promise.all([getConversation(deps.db, job.conversationId), getMessage(deps.db, job.messageId)]);
    if (!conv || !msg) throw new Error(`message ${job.messageId} or its conversation is missing`);
    // A human owns the conversation: the AI stays silent (DESIGN §5).
    if (conv.status === 'waiting_human' || conv.status === 'human') return { skipped: 'human_owner' };

    const [history, memory, customer] = await Promise.all([
      listMessages(deps.db, job.conversationId, Math.max(0, job.seq - HISTORY_TURNS)),
      deps.sessions.load(job.conversationId),
      conv.customerId ? getCustomerById(deps.db, conv.customerId) : Promise.resolve(null),
    ]);
    const replyId = randomUUID();
    chat.emit('typing', { actor: 'bot', isTyping: true });
    const t0 = performance.now();
    try {
      const out = await runTurn(
        deps.graph,
        {
          text: msg.text,
          history: history.filter((m) => m.seq < job.seq).map((m) => ({ role: m.role, text: m.text, agent: m.agent })),
          verifiedCustomerId: conv.customerId ?? undefined,
          customerName: customer?.name,
          memory,
        },
        { signal, onDelta: (delta) => chat.emit('message:delta', { messageId: replyId, delta }) },
      );
      for (const h of out.handoffs) chat.emit('agent:handoff', h);
      const reply = await appendMessage(deps.db, {
        id: replyId,
        conversationId: job.conversationId,
        role: 'bot',
        agent: out.agent,
        text: out.reply,
        replyTo: job.messageId,
        route: out.route,
        sentiment: { score: out.sentiment.score, label: out.sentiment.label },
        sources: out.sources,
        details: { timings: out.timings, handoffs: out.handoffs, entities: out.entities, clarifying: out.clarifying, totalMs: performance.now() - t0 },
      });
      if (!reply) return { duplicate: true };
      await deps.sessions.save(job.conversationId, out.memory);
      chat.emit('message:new', reply);
      await recordEvent(deps.db, job.conversationId, 'ai_reply', {
        messageId: reply.id,
        domain: out.route.domain,
        confidence: out.route.confidence,
        agent: out.agent,
        sentiment: out.sentiment.label,
        clarifying: out.clarifying,
        handoffs: out.handoffs.length,
        ms: Math.round(performance.now() - t0),
      });
      if (out.escalation) {
        await setStatus(deps.db, job.conversationId, 'waiting_human', { reason: out.escalation.reason, detail: out.escalation.detail });
        chat.emit('agent:handoff', { from: out.agent, to: 'human', reason: out.escalation.reason });
        chat.emit('conversation:status', { status: 'waiting_human' });
      }
      return { replyId: reply.id };
    } finally {
      chat.emit('typing', { actor: 'bot', isTyping: false });
    }
  };
}
