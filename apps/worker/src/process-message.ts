import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { MessageJob } from '@em/contracts/jobs';
import type { Message } from '@em/contracts/schemas';
import type { Logger } from '@em/config/logger';
import type { Db } from '@em/db/client';
import { findReplyTo, getConversation, getMessage, listMessages } from '@em/db/queries/conversations';
import { getMessageDetails, lastStatusChangeAt } from '@em/db/queries/messages';
import { getCustomerById } from '@em/db/queries/orders';
import { aiMaySpeak } from '@em/conversations/machine';
import type { Announcer } from '@em/conversations/announcer';
import type { ConversationService } from '@em/conversations/service';
import type { ConversationLock } from '@em/conversations/ordering';
import { runTurn, type Memory, type SupportGraph, type TurnOutput } from '@em/agents/graph';
import { createDeltaBatcher } from './delta-batcher';
import type { SessionState } from './session-state';

export interface ProcessDeps {
  db: Db;
  graph: SupportGraph;
  /** Every ownership change, commit and announcement goes through the conversation core. */
  conversations: ConversationService;
  announce: Announcer;
  sessions: SessionState;
  logger: Logger;
  /** Each shop's default language by site key (SITES_JSON branding.locale). */
  siteLocales?: Record<string, string>;
}

export type ProcessResult =
  | { replyId: string; duplicate?: boolean }
  | { duplicate: true }
  | { skipped: 'human_owner' };

const HISTORY_TURNS = 12;

/** Optional turn output another helper adds (model usage, fallback); read defensively. */
const TurnExtras = z.object({
  fallback: z.boolean().optional(),
  usage: z
    .object({
      provider: z.enum(['offline', 'openai']).optional(),
      tokens: z.object({ prompt: z.number().int().min(0), completion: z.number().int().min(0) }).optional(),
      costUsd: z.number().min(0).optional(),
    })
    .optional(),
});

export const parseJob = (data: unknown) => {
  const parsed = MessageJob.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
};

/**
 * One customer message → at most one bot reply. The reply row is unique on reply_to, so a retried
 * or duplicated job finds the existing reply and only re-announces it. `lock` (optional) fences the
 * Redis session write; the job handler supplies it, and the per-conversation ordering around it.
 */
export function createMessageProcessor(deps: ProcessDeps) {
  return async function processMessage(data: unknown, signal?: AbortSignal, lock?: ConversationLock): Promise<ProcessResult> {
    const t0 = performance.now();
    const job = parseJob(data);
    const existing = await findReplyTo(deps.db, job.messageId);
    if (existing) return finishDuplicate(existing, lock);

    const [conv, msg] = await Promise.all([getConversation(deps.db, job.conversationId), getMessage(deps.db, job.messageId)]);
    if (!conv || !msg || msg.conversationId !== job.conversationId || msg.role !== 'customer') {
      throw new UnrecoverableError(`message ${job.messageId} is not a customer message of conversation ${job.conversationId}`);
    }
    // A human owns the conversation: the AI stays silent, the console shows the message (DESIGN §5).
    if (!aiMaySpeak(conv.status)) return { skipped: 'human_owner' };

    const [history, memory, customer] = await Promise.all([
      listMessages(deps.db, job.conversationId, Math.max(0, msg.seq - HISTORY_TURNS)),
      deps.sessions.load(job.conversationId),
      conv.customerId ? getCustomerById(deps.db, conv.customerId) : Promise.resolve(null),
    ]);
    const replyId = randomUUID();
    deps.announce.botTyping(job.conversationId, true);
    const deltas = createDeltaBatcher((delta) => deps.announce.delta(job.conversationId, replyId, delta));
    try {
      const out = await runTurn(
        deps.graph,
        {
          text: msg.text,
          // Links any ticket the support agent opens to this conversation.
          conversationId: job.conversationId,
          history: history.filter((m) => m.seq < msg.seq).map((m) => ({ role: m.role, text: m.text, agent: m.agent })),
          verifiedCustomerId: conv.customerId ?? undefined,
          customerName: customer?.name,
          siteLocale: deps.siteLocales?.[conv.siteKey],
          // Names and types only: the reply thanks for the photo or document (issue 20).
          ...(msg.attachments?.length ? { attachments: msg.attachments.map((a) => ({ name: a.name, mime: a.mime })) } : {}),
          memory,
        },
        // After the deadline the abandoned turn must not keep streaming into the chat.
        { signal, onDelta: (delta) => signal?.aborted || deltas.push(delta) },
      );
      signal?.throwIfAborted();
      deltas.flush();
      const extras = TurnExtras.safeParse(out).data ?? {};
      const committed = await deps.conversations.commitAiTurn({
        reply: {
          id: replyId,
          conversationId: job.conversationId,
          role: 'bot',
          agent: out.agent,
          text: out.reply,
          replyTo: job.messageId,
          route: out.route,
          sentiment: { score: out.sentiment.score, label: out.sentiment.label },
          sources: out.sources,
          details: turnDetails(out, performance.now() - t0),
        },
        aiReply: {
          domain: out.route.domain,
          confidence: out.route.confidence,
          agent: out.agent,
          sentiment: out.sentiment.label,
          clarifying: out.clarifying,
          handoffs: out.handoffs.length,
          ms: Math.round(performance.now() - t0),
          ...(extras.fallback !== undefined ? { fallback: extras.fallback } : {}),
          ...(extras.usage?.provider ? { provider: extras.usage.provider } : {}),
          ...(extras.usage?.tokens ? { tokens: extras.usage.tokens } : {}),
          ...(extras.usage?.costUsd !== undefined ? { costUsd: extras.usage.costUsd } : {}),
        },
        handoffs: out.handoffs.map((h) => ({ from: h.from, to: h.to, reason: h.reason })),
        // The language this message was read in; a message too short to tell keeps the conversation's.
        language: out.detectedLanguage ?? out.language,
      });
      if (committed.kind === 'not_owner') return { skipped: 'human_owner' };
      if (committed.kind === 'duplicate') {
        // Another run of this job committed first: publish its reply (again), never a second one.
        deps.conversations.announceAiTurn({}, committed);
        return { replyId: committed.reply.id, duplicate: true };
      }
      const reply = committed.reply;
      await deps.sessions.save(
        job.conversationId,
        {
          memory: out.memory,
          turns: [toTurn(msg), toTurn(reply)],
          activeAgent: out.agent,
          status: out.escalation ? 'waiting_human' : 'bot',
        },
        lock,
      );
      // Published after the session write: a crash in between leaves a reply the re-run publishes (finishDuplicate).
      deps.conversations.announceAiTurn({ handoffs: out.handoffs }, committed);
      if (out.escalation) {
        await deps.conversations.escalate({
          conversationId: job.conversationId,
          from: out.agent,
          urgent: out.sentiment.urgent,
          language: out.language,
          ...out.escalation,
        });
      }
      return { replyId: reply.id };
    } finally {
      deltas.cancel();
      deps.announce.botTyping(job.conversationId, false);
    }
  };

  /**
   * A retry found the reply already stored (the earlier run died after its commit): re-announce it,
   * restore the session from the stored memory, and finish an escalation that never happened.
   */
  async function finishDuplicate(reply: Message, lock?: ConversationLock): Promise<ProcessResult> {
    deps.conversations.reannounce(reply);
    const details = (await getMessageDetails(deps.db, reply.id)) as StoredDetails | null;
    if (details?.escalation) {
      const [conv, changedAt] = await Promise.all([getConversation(deps.db, reply.conversationId), lastStatusChangeAt(deps.db, reply.conversationId)]);
      // Handed over (or back) by anyone since the reply? Then there is nothing left to finish.
      if (conv?.status === 'bot' && (!changedAt || changedAt < new Date(reply.createdAt))) {
        await deps.conversations.escalate({ conversationId: reply.conversationId, from: reply.agent ?? 'orchestrator', ...details.escalation });
      }
    }
    if (details?.memory && !(await deps.sessions.read(reply.conversationId))) {
      await deps.sessions.save(reply.conversationId, { memory: details.memory, turns: [toTurn(reply)], activeAgent: reply.agent, status: 'bot' }, lock);
    }
    return { replyId: reply.id, duplicate: true };
  }
}

function turnDetails(out: TurnOutput, totalMs: number) {
  return {
    timings: out.timings,
    handoffs: out.handoffs,
    entities: out.entities,
    clarifying: out.clarifying,
    totalMs,
    // Kept so a retry after a crash between commit and the steps below can finish them.
    memory: out.memory,
    ...(out.escalation ? { escalation: out.escalation } : {}),
  };
}

const toTurn = (m: Message) => ({ seq: m.seq, role: m.role, text: m.text, ...(m.agent ? { agent: m.agent } : {}) });

type StoredDetails = { memory?: Memory; escalation?: { reason: string; detail?: string } };
