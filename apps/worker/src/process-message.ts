import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { MessageJob } from '@em/contracts/jobs';
import type { Message } from '@em/contracts/schemas';
import type { Logger } from '@em/config/logger';
import type { Db } from '@em/db/client';
import { getConversation } from '@em/db/queries/conversations';
import { getMessageDetails, lastStatusChangeAt } from '@em/db/queries/messages';
import { loadTurnContext, type TurnContext } from '@em/db/queries/turn-context';
import { aiMaySpeak } from '@em/conversations/machine';
import type { Announcer } from '@em/conversations/announcer';
import type { ConversationService } from '@em/conversations/service';
import { parseMemory, runTurn, type SupportGraph, type TurnOutput } from '@em/agents/graph';
import { createLiveReply } from './live-reply';

export interface ProcessDeps {
  db: Db;
  graph: SupportGraph;
  /** Every ownership change, commit and announcement goes through the conversation core. */
  conversations: ConversationService;
  announce: Announcer;
  logger: Logger;
  /** Each shop's default language by site key (SITES_JSON branding.locale). */
  siteLocales?: Record<string, string>;
  /**
   * Test seam, between the reply's commit and its publish: a test "kills" the worker there (throws)
   * or holds it (WORKER_TEST_HOLD_AFTER_COMMIT_MS, refused in production) to prove a re-run
   * publishes the stored reply once.
   */
  afterCommit?: () => Promise<void>;
}

export type ProcessResult =
  /**
   * `replySeq`: the seq a freshly committed reply took (the job handler reads it to skip the next
   * job's wake-up when nothing was stored between the message and its reply; not part of the job's result).
   */
  | { replyId: string; duplicate?: boolean; replySeq?: number }
  | { duplicate: true }
  | { skipped: 'human_owner' };

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
 * or duplicated job finds the existing reply and only re-announces it. The turn's context (the
 * conversation, the message, an existing reply, history, memory) is one read; the job handler
 * passes the one it read for the order rule, so a turn costs one round trip before the model.
 */
export function createMessageProcessor(deps: ProcessDeps) {
  return async function processMessage(data: unknown, signal?: AbortSignal, loaded?: TurnContext): Promise<ProcessResult> {
    const t0 = performance.now();
    const job = parseJob(data);
    const ctx = loaded ?? (await loadTurnContext(deps.db, job.conversationId, job.messageId));
    if (ctx.reply) return finishDuplicate(ctx.reply);

    const { conversation: conv, message: msg } = ctx;
    if (!conv || !msg || msg.role !== 'customer') {
      throw new UnrecoverableError(`message ${job.messageId} is not a customer message of conversation ${job.conversationId}`);
    }
    // A human owns the conversation: the AI stays silent, the console shows the message (DESIGN §5).
    if (!aiMaySpeak(conv.status)) return { skipped: 'human_owner' };

    const replyId = randomUUID();
    const live = createLiveReply(deps.announce, job.conversationId, replyId);
    try {
      const out = await runTurn(
        deps.graph,
        {
          text: msg.text,
          // Links any ticket the support agent opens to this conversation.
          conversationId: job.conversationId,
          history: ctx.history.map((m) => ({ role: m.role, text: m.text, agent: m.agent ?? undefined })),
          verifiedCustomerId: conv.customerId ?? undefined,
          customerName: conv.customerName ?? undefined,
          siteLocale: deps.siteLocales?.[conv.siteKey],
          // Names and types only: the reply thanks for the photo or document (issue 20).
          ...(msg.attachments.length ? { attachments: msg.attachments } : {}),
          // Stored with the previous reply (details.memory); parsed, not trusted.
          memory: parseMemory(ctx.memory ?? undefined),
        },
        // After the deadline the abandoned turn must not keep streaming into the chat.
        { signal, onDelta: (delta) => signal?.aborted || live.push(delta) },
      );
      signal?.throwIfAborted();
      live.flush();
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
      // A crash here leaves a stored reply that the job's re-run publishes (finishDuplicate).
      await deps.afterCommit?.();
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
      return { replyId: committed.reply.id, replySeq: committed.reply.seq };
    } finally {
      live.end();
    }
  };

  /**
   * A retry found the reply already stored (the earlier run died after its commit): re-announce it
   * and finish an escalation that never happened. The memory is stored with the reply, so the next
   * turn reads it whatever happened here.
   */
  async function finishDuplicate(reply: Message): Promise<ProcessResult> {
    deps.conversations.reannounce(reply);
    const details = (await getMessageDetails(deps.db, reply.id)) as StoredDetails | null;
    if (details?.escalation) {
      const [conv, changedAt] = await Promise.all([getConversation(deps.db, reply.conversationId), lastStatusChangeAt(deps.db, reply.conversationId)]);
      // Handed over (or back) by anyone since the reply? Then there is nothing left to finish.
      if (conv?.status === 'bot' && (!changedAt || changedAt < new Date(reply.createdAt))) {
        await deps.conversations.escalate({ conversationId: reply.conversationId, from: reply.agent ?? 'orchestrator', ...details.escalation });
      }
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
    // The next turn's memory (read back by loadTurnContext), and what a retry after a crash between
    // the commit and the steps below needs to finish them.
    memory: out.memory,
    ...(out.escalation ? { escalation: out.escalation } : {}),
  };
}

type StoredDetails = { escalation?: { reason: string; detail?: string } };
