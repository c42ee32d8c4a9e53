import { AppError } from '@em/contracts/errors';
import type { MessageJob } from '@em/contracts/jobs';
import type { ConversationStatus } from '@em/contracts/schemas';
import type { SiteHours } from '@em/contracts/site';
import type { Db, DbOrTx } from '@em/db/client';
import { appendMessage, lockConversation, setStatus, type LockedConversation, type StatusChange } from '@em/db/queries/conversations';
import { conversationLanguage } from '@em/db/queries/messages';
import { listQueue } from '@em/db/queries/queue';
import { copyFor, type Copy } from './copy';
import type { Announcer } from './announcer';
import type { FollowUpPort } from './follow-up';
import { transitionFor, type Action, type Actor } from './machine';
import type { PresenceReader } from './presence';

/** The worker's queue as the gateway produces to it (jobId = messageId, so a repeat is ignored). */
export interface JobProducer {
  add(name: 'message', data: MessageJob, opts: { jobId: string }): Promise<unknown>;
}

export interface ServiceDeps {
  db: Db;
  presence: PresenceReader;
  announce: Announcer;
  /** Gateway only: where accepted customer messages go. */
  queue?: JobProducer;
  /** Email follow-up (issue 20: ticket confirmation, replies while away, transcript); absent = no mail, no email asked. */
  followUp?: FollowUpPort;
  /** Problems that must not fail the caller (a follow-up mail that could not be queued) are logged here. */
  reportError?: (err: unknown, what: string) => void;
  /** The clock business hours are read by (tests inject one); the real time when absent. */
  now?: () => Date;
  /**
   * A site's business hours (SITES_JSON and the admin page's overrides: site-settings.ts); absent or
   * undefined = always open, as before issue 20.
   */
  siteHours?: (siteKey: string) => Promise<SiteHours | undefined>;
}

/** An agent acting from the console, with the name the customer sees. */
export type AgentActor = Extract<Actor, { userId: string }> & { name: string };

export type Moved = { ok: true; status: ConversationStatus; conv: LockedConversation } | { ok: false; status: ConversationStatus | null };

export const conflictFor = (status: ConversationStatus | null, what: string) =>
  status === null ? new AppError('not_found', 'No such conversation.') : new AppError('conflict', `${what} (it is ${status.replace('_', ' ')}).`);

/** What every use case shares: the one way a status changes, and the announcements around it. */
export function createContext(deps: ServiceDeps) {
  const { db, announce } = deps;
  return {
    deps,
    /**
     * The one place a status changes: load the conversation under its row lock, ask the machine, write
     * the status and its event. `after` runs in the same transaction once the move is allowed.
     */
    move(actor: Actor, action: Action, conversationId: string, change: StatusChange, after?: (tx: DbOrTx) => Promise<void>): Promise<Moved> {
      return db.transaction(async (tx): Promise<Moved> => {
        const conv = await lockConversation(tx, conversationId);
        if (!conv) return { ok: false, status: null };
        const t = transitionFor(actor, action, conv);
        if (!t) return { ok: false, status: conv.status };
        if (t.event) await setStatus(tx, conversationId, t.to, change);
        await after?.(tx);
        return { ok: true, status: t.to, conv };
      });
    },
    /** A system message in the transcript, shown to the customer and to consoles watching. */
    async systemNotice(conversationId: string, text: string) {
      const notice = await appendMessage(db, { conversationId, role: 'system', text });
      if (notice) announce.message(notice);
      return notice;
    },
    /** What the platform says to this customer, in the language the AI last read them in. */
    async copyFor(conversationId: string): Promise<Copy> {
      return copyFor(await conversationLanguage(db, conversationId));
    },
    async refreshQueue() {
      announce.queue(await listQueue(db));
    },
  };
}
export type Context = ReturnType<typeof createContext>;
