import { z } from 'zod';
import { ERROR_CODES } from './errors';
import type { ConsoleNote as SocketNote } from './events';
import { EscalationReason } from './analytics';
import { AgentName, Attachment, ConversationStatus, Role, Route, Sentiment } from './schemas';

/**
 * The bodies the gateway's HTTP endpoints return (DESIGN §4): the gateway builds them typed by these
 * schemas (`z.input`), the web app parses every response with them (`z.output`), and the OpenAPI
 * document is generated from them. The wire format is the contract: extend, never rename.
 * Timestamps are ISO 8601 strings (UTC).
 */

/** Every failing endpoint: `{ error: { code, message } }` (DESIGN §3 vocabulary). */
export const ErrorResponse = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const CONSOLE_ROLES = ['agent', 'admin'] as const;
export const ConsoleRole = z.enum(CONSOLE_ROLES);
export type ConsoleRole = z.infer<typeof ConsoleRole>;

// ── Auth ────────────────────────────────────────────────────────────────────────────────────────
/** POST /api/auth/login body (also read by the gateway's per-account sign-in limit). */
export const LoginRequest = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });
export type LoginRequest = z.input<typeof LoginRequest>;
export const ConsoleUser = z.object({ id: z.string(), email: z.string(), name: z.string(), role: ConsoleRole, active: z.boolean() });
export type ConsoleUser = z.infer<typeof ConsoleUser>;
/** POST /api/auth/login (the same token is also set as the httpOnly em_console cookie). */
export const LoginResponse = z.object({ token: z.string(), user: ConsoleUser.omit({ active: true }) });
export type LoginResponse = z.infer<typeof LoginResponse>;
/** POST /api/auth/logout */
export const LogoutResponse = z.object({ ok: z.literal(true) });
/** GET /api/auth/me (`user` is null only if the row vanished between the auth check and the read). */
export const MeResponse = z.object({ user: ConsoleUser.nullable() });
export type MeResponse = z.infer<typeof MeResponse>;

// ── Ops ─────────────────────────────────────────────────────────────────────────────────────────
export const HealthResponse = z.object({ status: z.literal('ok') });
const READINESS_CHECKS = ['postgres', 'redis', 'queue'] as const;
/** GET /ready: 200 when everything answers, 503 naming what is down. */
export const ReadinessResponse = z.object({
  ready: z.boolean(),
  down: z.array(z.enum(READINESS_CHECKS)),
  checks: z.object({ postgres: z.boolean(), redis: z.boolean(), queue: z.boolean() }),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponse>;

// ── Console: conversations ──────────────────────────────────────────────────────────────────────
/** A row of GET /api/conversations. */
export const ConversationListItem = z.object({
  id: z.string(),
  status: ConversationStatus,
  customerName: z.string().nullable(),
  customerEmail: z.string().nullable(),
  escalationReason: EscalationReason.nullable(),
  priority: z.number(),
  assignedAgentId: z.string().nullable(),
  assignedAgentName: z.string().nullable(),
  waitingSince: z.string().nullable(),
  lastMessageAt: z.string(),
  createdAt: z.string(),
  csatScore: z.number().nullable(),
  /** The customer's last message, ≤ 200 characters. */
  lastMessage: z.string().nullable(),
});
export type ConversationListItem = z.infer<typeof ConversationListItem>;
export const ConversationListResponse = z.object({
  items: z.array(ConversationListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ConversationListResponse = z.infer<typeof ConversationListResponse>;

/**
 * Per-turn details the worker stores with a reply (free-form jsonb): the keys the console shows are
 * typed, anything else passes through untouched.
 */
export const TurnDetails = z.looseObject({
  /** Per-step wall time (ms). */
  timings: z.record(z.string(), z.number()).optional(),
  handoffs: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })).optional(),
  entities: z.record(z.string(), z.unknown()).optional(),
  clarifying: z.boolean().optional(),
  totalMs: z.number().optional(),
});
export type TurnDetails = z.infer<typeof TurnDetails>;

/** One transcript turn of GET /api/conversations/:id, with its route, sentiment and details. */
export const TurnMessage = z.object({
  id: z.string(),
  seq: z.number(),
  role: Role,
  agent: AgentName.nullable(),
  authorName: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
  replyTo: z.string().nullable(),
  route: Route.nullable(),
  sentiment: Sentiment.nullable(),
  sources: z.array(z.string()),
  details: z.record(z.string(), z.unknown()).pipe(TurnDetails).nullable(),
  /** A customer message's language as the AI read it (ISO 639-1); null until answered or for other roles. */
  language: z.string().nullable().optional(),
  /** Files sent with the message (issue 20); absent when none. */
  attachments: z.array(Attachment).optional(),
});
export type TurnMessage = z.infer<typeof TurnMessage>;

/** A private console note (the same shape `note:new` carries on /agents). */
export const ConsoleNote = z.object({
  id: z.string(),
  conversationId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
}) satisfies z.ZodType<SocketNote>;
export type ConsoleNote = z.infer<typeof ConsoleNote>;

/** The handoff brief: why it escalated, a summary, and the customer's last words. */
export const HandoffBrief = z.object({
  reason: EscalationReason.nullable(),
  reasonLabel: z.string().nullable(),
  detail: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  summary: z.string(),
  lastCustomerMessage: z.string().nullable(),
  mentionedOrders: z.array(z.string()),
  /** Orders the AI already looked up and shared (a guest proved them with the order's email first). */
  sharedOrders: z.array(z.string()),
  /** The customer's files in this conversation (a damaged item's photo goes with the hand-off), oldest first. */
  attachments: z.array(Attachment).optional(),
});
export type HandoffBrief = z.infer<typeof HandoffBrief>;

export const ConversationEventRow = z.object({
  id: z.number(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

/** GET /api/conversations/:id */
export const ConversationDetailResponse = z.object({
  conversation: z.object({
    id: z.string(),
    status: ConversationStatus,
    siteKey: z.string(),
    escalationReason: EscalationReason.nullable(),
    priority: z.number(),
    assignedAgentId: z.string().nullable(),
    assignedAgentName: z.string().nullable(),
    waitingSince: z.string().nullable(),
    claimedAt: z.string().nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    csatScore: z.number().nullable(),
    csatComment: z.string().nullable(),
  }),
  /** A verified customer (null for a guest). */
  customer: z.object({ id: z.string(), name: z.string(), email: z.string(), verified: z.literal(true) }).nullable(),
  orders: z.array(
    z.object({
      orderNumber: z.string(),
      status: z.string(),
      totalCents: z.number(),
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      expectedDelivery: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  messages: z.array(TurnMessage),
  events: z.array(ConversationEventRow),
  notes: z.array(ConsoleNote),
  brief: HandoffBrief,
  /** A drafted first reply for the agent to edit (composed from data, not a model output). */
  suggestedReply: z.string(),
});
export type ConversationDetailResponse = z.infer<typeof ConversationDetailResponse>;

// ── Console: canned responses and users (admin) ────────────────────────────────────────────────
export const CannedResponse = z.object({ id: z.string(), shortcut: z.string(), title: z.string(), text: z.string() });
export type CannedResponse = z.infer<typeof CannedResponse>;
/** GET /api/canned-responses */
export const CannedListResponse = z.object({ items: z.array(CannedResponse) });
/** GET /api/users (admins) */
export const ConsoleUserListResponse = z.object({ items: z.array(ConsoleUser) });
/** A console password, the same rule for a new user and a reset (the web form checks it before sending). */
export const ConsolePassword = z.string().min(10, 'at least 10 characters').max(200);
/** POST /api/users/:id/password (admins): sets a new password and ends that user's sessions. */
export const PasswordResetRequest = z.object({ password: ConsolePassword });

// ── Analytics ───────────────────────────────────────────────────────────────────────────────────
export const ANALYTICS_BUCKETS = ['hour', 'day', 'week'] as const;
export const AnalyticsBucket = z.enum(ANALYTICS_BUCKETS);
export type AnalyticsBucket = z.infer<typeof AnalyticsBucket>;
export const ANALYTICS_METRICS = ['conversations', 'messages', 'containment', 'sentiment', 'csat', 'latency', 'cost'] as const;
export const AnalyticsMetric = z.enum(ANALYTICS_METRICS);
export type AnalyticsMetric = z.infer<typeof AnalyticsMetric>;

const count = z.number();
const rate = z.number();
const msOrNull = z.number().nullable();

export const AgentTimes = z.object({
  /** null on the all-agents row. */
  agentId: z.string().nullable(),
  name: z.string().nullable(),
  conversations: count,
  firstResponseP50Ms: msOrNull,
  firstResponseP90Ms: msOrNull,
  resolutionP50Ms: msOrNull,
  resolutionP90Ms: msOrNull,
  csatAvg: z.number().nullable(),
  csatCount: count,
});
export type AgentTimes = z.infer<typeof AgentTimes>;

const CsatSide = z.object({ n: count, avg: z.number().nullable(), distribution: z.array(count) });

/** GET /api/analytics/summary: every dashboard metric over [from, to) plus the live state now. */
export const AnalyticsSummaryResponse = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  volume: z.object({
    conversations: count,
    messages: count,
    /** dow 0 = Monday … 6 = Sunday, hour 0–23, UTC; empty cells omitted. */
    busiestHours: z.array(z.object({ dow: z.number(), hour: z.number(), count })),
    /** Counted conversations by the language of the customer's first message the AI could tell (`unknown`: none). */
    byLanguage: z.array(z.object({ language: z.string(), conversations: count })),
  }),
  ai: z.object({
    /** Counted conversations: started in the range, with at least one customer message. */
    conversations: count,
    /** Answered by the AI and never went to a person (closed or still open). */
    contained: count,
    /** Contained and closed, or idle with the AI for `idleResolveMinutes`. */
    resolvedByAi: count,
    /** resolvedByAi / conversations. */
    containmentRate: rate,
    /** Minutes without a message after which a conversation with the AI counts as resolved by it. */
    idleResolveMinutes: z.number(),
    handledByHuman: count,
    escalated: count,
    handoffRate: rate,
    byReason: z.array(z.object({ reason: EscalationReason, count, rate })),
    bySpecialist: z.array(z.object({ agent: z.string(), count, rate })),
    escalationsBySentiment: z.array(z.object({ sentiment: z.string(), count })),
    replies: count,
    clarifying: count,
    clarifyingRate: rate,
    fallbacks: count,
    fallbackRate: rate,
    jobFailures: count,
    timeouts: count,
  }),
  routing: z.array(z.object({ domain: z.string(), count, avgConfidence: z.number(), low: count, medium: count, high: count })),
  /** `scope: 'own'`: the caller is an agent and perAgent holds only their row (admins see `all`). */
  humans: z.object({ overall: AgentTimes, perAgent: z.array(AgentTimes), scope: z.enum(['all', 'own']) }),
  satisfaction: z.object({ aiOnly: CsatSide, human: CsatSide }),
  live: z.object({
    waiting: count,
    longestWaitMs: msOrNull,
    withHuman: count,
    active: count,
    latencyP50Ms: msOrNull,
    latencyP95Ms: msOrNull,
    latencyN: count,
    /** Message jobs not yet answered (BullMQ waiting, active, delayed, prioritized). */
    queueDepth: count,
    agentsOnline: count,
  }),
  cost: z.array(z.object({ provider: z.string(), replies: count, promptTokens: z.number(), completionTokens: z.number(), costUsd: z.number() })),
});
export type AnalyticsSummaryResponse = z.infer<typeof AnalyticsSummaryResponse>;

/**
 * One bucket: its start `t` (ISO, UTC) and the metric's values (counts 0, averages null when empty).
 * The catch-all admits strings only because `t` shares the index signature in TypeScript.
 */
export const SeriesPoint = z.object({ t: z.string() }).catchall(z.union([z.number(), z.string(), z.null()]));
export type SeriesPoint = z.infer<typeof SeriesPoint>;
/** GET /api/analytics/timeseries */
export const TimeseriesResponse = z.object({
  metric: AnalyticsMetric,
  bucket: AnalyticsBucket,
  from: z.string(),
  to: z.string(),
  points: z.array(SeriesPoint),
});
export type TimeseriesResponse = z.infer<typeof TimeseriesResponse>;

/** One CSAT rating with a comment, attributed to whoever resolved the conversation it rates. */
export const RatingComment = z.object({
  conversationId: z.string(),
  score: z.number().int().min(1).max(5),
  comment: z.string(),
  /** ISO time of the rating. */
  at: z.string(),
  /** null when the AI or the customer closed the conversation. */
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
});
export type RatingComment = z.infer<typeof RatingComment>;
/** GET /api/analytics/comments: newest first; an agent gets the ratings of conversations they resolved. */
export const RatingCommentsResponse = z.object({
  from: z.string(),
  to: z.string(),
  scope: z.enum(['all', 'own']),
  comments: z.array(RatingComment),
});
export type RatingCommentsResponse = z.infer<typeof RatingCommentsResponse>;
