import type { AnalyticsEventData } from '@em/contracts/analytics';
import { CONVERSATION_STATUSES, type ConversationStatus, type Message } from '@em/contracts/schemas';
import { randomUUID } from 'node:crypto';
import { findReplyTo, isUniqueViolation, lockConversation, setStatus, type NewMessage } from '@em/db/queries/conversations';
import { insertAiReply } from '@em/db/queries/ai-reply';
import type { Context } from '../context';
import { transitionFor } from '../machine';

export interface AiTurn {
  reply: NewMessage & { replyTo: string };
  aiReply?: Omit<AnalyticsEventData<'ai_reply'>, 'messageId'>;
  /** Specialist hand-offs inside the turn (orchestrator → sales …), logged and shown as they happened. */
  handoffs?: AnalyticsEventData<'agent_handoff'>[];
  jobFailed?: Omit<AnalyticsEventData<'job_failed'>, 'messageId'>;
  /** The language the AI read the customer's message in (ISO 639-1), stored on that message. */
  language?: string;
}

export type AiTurnResult =
  /** `reopened`: the conversation was resolved and is the AI's again (announce the status too). */
  | { kind: 'stored'; reply: Message; reopened: boolean }
  /** Another run of the same job committed first: its reply, to be announced again. */
  | { kind: 'duplicate'; reply: Message }
  | { kind: 'not_owner'; status: ConversationStatus };

/**
 * The statuses in which the AI's reply changes nothing about the conversation (the machine's
 * `ai_reply` rows that keep the status and log no event: today only `bot`). A turn in one of them is
 * committed in one statement; any other case is decided under the row lock.
 */
const QUIET_REPLY: readonly ConversationStatus[] = CONVERSATION_STATUSES.filter((status) => {
  const t = transitionFor({ kind: 'ai' }, 'ai_reply', { status });
  return t !== null && t.from === t.to && !t.event;
});

/** The AI's side: its reply to one customer message, exactly once. */
export function aiTurnUseCases(ctx: Context) {
  const { db, announce } = ctx.deps;
  return {
    /**
     * Commits one AI turn atomically: the reply (unique on reply_to: exactly one per customer
     * message) and its analytics events. The conversation row is locked first, so a person who claims
     * meanwhile wins and the AI stays silent; a resolved conversation the customer wrote to again
     * goes back to the AI. A second run of the same job finds the first one's reply instead.
     *
     * Announcing is a separate step (announceAiTurn) so the worker can store the turn's session
     * memory in between: a crash after the commit then leaves a reply that the job's re-run finds,
     * publishes and restores the memory from (exactly once either way).
     */
    async commitAiTurn(turn: AiTurn): Promise<AiTurnResult> {
      const conversationId = turn.reply.conversationId;
      const reply = { ...turn.reply, id: turn.reply.id ?? randomUUID() };
      const events = [
        ...(turn.aiReply ? [{ type: 'ai_reply', data: { messageId: reply.id, ...turn.aiReply } }] : []),
        ...(turn.handoffs ?? []).map((h) => ({ type: 'agent_handoff', data: { ...h } })),
        ...(turn.jobFailed ? [{ type: 'job_failed', data: { messageId: reply.replyTo, ...turn.jobFailed } }] : []),
      ];
      // The common turn in one statement (issue 18; it was BEGIN, a locking read, the write and
      // COMMIT, four round trips): the conversation is the AI's and nobody replied yet. Its UPDATE
      // takes the row lock and re-checks the status, so a person who claimed meanwhile still wins.
      try {
        const stored = await insertAiReply(db, { reply, events, ...(turn.language ? { language: turn.language } : {}), onlyIfStatusIn: QUIET_REPLY });
        if (stored) return { kind: 'stored', reply: stored, reopened: false };
      } catch (err) {
        // A concurrent run of the same job committed first (the unique reply_to): found below.
        if (!isUniqueViolation(err)) throw err;
      }
      // Anything else (a reply already there, a person owns the chat, a resolved chat to reopen, no
      // such conversation) is decided under the row lock.
      const r = await db.transaction(async (tx) => {
        const conv = await lockConversation(tx, conversationId);
        if (!conv) throw new Error(`conversation ${conversationId} not found`);
        const t = transitionFor({ kind: 'ai' }, 'ai_reply', conv);
        if (!t) return { kind: 'not_owner', status: conv.status } as const;
        const duplicate = async () => {
          const first = await findReplyTo(tx, reply.replyTo);
          if (!first) throw new Error(`reply to ${reply.replyTo} is neither new nor stored`);
          return { kind: 'duplicate', reply: first } as const;
        };
        // Reopening a resolved chat (rare): its status change is logged before the reply's events, as
        // it happened, and only by the run that writes the reply.
        if (t.event) {
          if (await findReplyTo(tx, reply.replyTo)) return duplicate();
          await setStatus(tx, conversationId, t.to, { reason: 'customer_wrote_again' });
        }
        // The reply, its events and the message's language in one statement (issue 18).
        const stored = await insertAiReply(tx, { reply, events, ...(turn.language ? { language: turn.language } : {}) });
        if (!stored) return duplicate();
        return { kind: 'stored', reply: stored, reopened: t.from !== t.to } as const;
      });
      return r;
    },

    /**
     * Tells the customer and consoles about a committed turn: the conversation is the AI's again
     * (after a resolve), the specialists' hand-offs, the reply. A duplicate's reply is announced
     * again under its own id (the widget shows a message id once).
     */
    announceAiTurn(turn: Pick<AiTurn, 'handoffs'>, result: AiTurnResult) {
      if (result.kind === 'not_owner') return;
      const conversationId = result.reply.conversationId;
      if (result.kind === 'stored') {
        if (result.reopened) announce.status(conversationId, { status: 'bot', owner: null });
        for (const h of turn.handoffs ?? []) announce.handoff(conversationId, h);
      }
      announce.message(result.reply);
    },

    /** A reply stored by an earlier run (it died before announcing): announce it again. */
    reannounce(reply: Message) {
      announce.message(reply);
    },
  };
}
