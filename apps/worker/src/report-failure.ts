import type { MessageJob } from '@em/contracts/jobs';
import { getConversation, recordEvent } from '@em/db/queries/conversations';
import { copyFor } from '@em/conversations/copy';
import { conversationLanguage } from '@em/db/queries/messages';
import type { ProcessDeps } from './process-message';

/** Error text kept for the console (job_failed event, BullMQ failedReason); never sent to the customer. */
export const describeError = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500);

/**
 * A job ran past its deadline or failed for good: the customer gets an apology as the reply to their
 * message (unique on reply_to, so still exactly one reply), the conversation is offered to a human
 * (reason `timeout`), and `job_failed` keeps the error for the console, in the apology's transaction.
 */
export function createFailureReporter(deps: Pick<ProcessDeps, 'db' | 'conversations' | 'logger'>) {
  return async function reportFailure(job: MessageJob, err: unknown, timedOut: boolean) {
    const error = describeError(err);
    deps.logger.warn({ messageId: job.messageId, conversationId: job.conversationId, err: error, timedOut }, 'job failed for good');
    const conv = await getConversation(deps.db, job.conversationId);
    if (!conv) return;
    const detail = timedOut ? 'The AI ran past its deadline' : 'The AI failed to answer';
    const committed = await deps.conversations.commitAiTurn({
      reply: {
        conversationId: job.conversationId,
        role: 'bot',
        agent: 'general',
        // In the customer's language as the AI last read it (the failed turn could not tell).
        text: copyFor(await conversationLanguage(deps.db, job.conversationId)).apology,
        replyTo: job.messageId,
        route: { domain: 'human', confidence: 1, intent: timedOut ? 'timeout' : 'job_failed' },
        // `escalation` lets a re-run after a crash right after this commit still hand over (finishDuplicate).
        details: { failed: true, timedOut, error, escalation: { reason: 'timeout', detail } },
      },
      jobFailed: { error, timedOut },
    });
    if (committed.kind !== 'stored') {
      // Already answered (the turn won the race) or a human owns it now: just keep the error.
      await recordEvent(deps.db, job.conversationId, 'job_failed', { messageId: job.messageId, error, timedOut });
      return;
    }
    deps.conversations.announceAiTurn({}, committed);
    await deps.conversations.escalate({ conversationId: job.conversationId, from: 'orchestrator', reason: 'timeout', detail });
  };
}
export type FailureReporter = ReturnType<typeof createFailureReporter>;
