import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@em/config/logger';
import type { SiteBranding, SiteHours } from '@em/contracts/site';
import type { RedisKeys } from '@em/config/redis';
import type { Presence } from '@em/conversations/presence';
import type { SiteSettingsStore } from '@em/conversations/site-settings';
import type { Announcer } from '@em/conversations/announcer';
import type { ConversationService } from '@em/conversations/service';
import type { Db } from '@em/db/client';
import type { MessageJob } from '@em/contracts/jobs';
import type { FollowUpPort } from '@em/conversations/follow-up';
import type { ResumeLinks } from '@em/mail/resume-link';
import type { SessionTokens } from './session-token';
import type { ConsoleTokens } from './console/console-tokens';
import type { Limits } from './limits';
import type { Metrics } from './metrics';
import type { BlobStorage } from './attachments/storage';

export interface SiteConfig {
  siteKey: string;
  identitySecret: string;
  allowedOrigins: string[];
  /** The shop's look and default language in the widget (sent with session:ready). */
  branding?: SiteBranding;
  /** When people answer (SITES_JSON timeZone, businessHours, holidays); absent = always open. */
  hours?: SiteHours;
}

export interface GatewayDeps {
  db: Db;
  /** The analytics reports' own pool (main.ts); tests may leave it out and share `db`. */
  reportsDb?: Db;
  /** Commands (rate limits, readiness). */
  redis: Redis;
  /** Pub/sub pair for @socket.io/redis-adapter. */
  pubClient: Redis;
  subClient: Redis;
  queue: Queue<MessageJob>;
  logger: Logger;
  sites: SiteConfig[];
  /** The sites' branding and hours as they apply now: the admin page's saved fields over `sites` (cached). */
  siteSettings: SiteSettingsStore;
  /** The clock business hours are read by (tests inject one); the real time when absent. */
  now?: () => Date;
  sessions: SessionTokens;
  /** Origins always allowed (the platform's own web app). */
  platformOrigins: string[];
  /** Console (agent/admin) JWTs: REST, /admin and the /agents namespace. */
  consoleTokens: ConsoleTokens;
  /** Mark the console cookie Secure (production behind HTTPS). */
  secureCookies: boolean;
  /** Production: logins with the seeded demo passwords are refused (DESIGN §6). */
  refuseDemoPasswords: boolean;
  /** This deployment's Redis key layout (shared with the worker: socket.io channel, presence, queue). */
  keys: RedisKeys;
  /** Console presence (who is online), read by the handoff and the dashboard. */
  presence: Presence;
  metrics: Metrics;
  limits: Limits;
  /**
   * Set by the /agents namespace when it registers: disconnects a user's console sockets on every
   * gateway node (the Redis adapter), used when their tokens are revoked by an admin's change.
   */
  endAgentSessions?: (userId: string) => void;
  /** TRUST_PROXY: proxies whose X-Forwarded-For is believed for per-IP limits; unset/empty = none. */
  trustProxy?: string[];
  /** Bearer token for GET /metrics; unset = open (scraped from a private network). */
  metricsToken?: string;
  /** Where attachment bytes go (issue 20: disk or S3); unset = local disk under .data/uploads. */
  storage?: BlobStorage;
  /** ANALYTICS_AI_IDLE_MIN: an AI conversation idle this long counts as resolved by the AI; unset = 30. */
  aiIdleMin?: number;
  /** Email follow-up (issue 20): queues mail (the worker sends it) and checks links back; absent = no mail. */
  mail?: { followUp: FollowUpPort; outbox: { enqueueSend(outboxId: string): Promise<unknown> }; links: ResumeLinks };
}

/** The conversation core as the socket handlers use it, built once the Socket.IO server exists (gateway.ts). */
export interface GatewayCore {
  conversations: ConversationService;
  announce: Announcer;
  /** After an agent's reply: mail it when the customer has no tab open (follow-up.ts). */
  afterAgentReply?: (conversationId: string, messageId: string) => void;
}
