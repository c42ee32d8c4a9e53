import type { Redis } from 'ioredis';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@em/contracts/errors';
import type { Logger } from '@em/config/logger';
import type { RedisKeys } from '@em/config/redis';
import type { Metrics } from './metrics';

interface Window {
  points: number;
  durationS: number;
}
export interface LimitConfig {
  /** Customer messages per socket and, separately, per session (all tabs of a conversation). */
  messages: Window & { burst: number; burstDurationS: number };
  /** Every other /chat event (typing, history:sync, rate, request-human) per socket. */
  events: Window;
  /** New /chat connections per client IP. */
  connectionsPerIp: Window;
  /** HTTP requests to /api per client IP. */
  httpPerIp: Window;
  /** Console sign-in attempts per client IP (POST /api/auth/login); a success takes back only its own attempt. */
  loginAttemptsPerIp: Window;
  /** Sign-in attempts per account (email) without a success of that account; over it, locked for `lockS`. */
  loginFailuresPerAccount: Window & { lockS: number };
  /** Attachment uploads (issue 20) per chat session (conversation) and, separately, per console user. */
  uploads: Window;
}

/**
 * Issue 4: 10 messages / 10 s with a burst of 5 more (the burst budget refills over 60 s).
 * Connections: 60 / min per IP leaves room for many shoppers behind one NAT; the load
 * benchmark raises it with RATE_CONNECTIONS_PER_MIN.
 */
export const DEFAULT_LIMITS: LimitConfig = {
  messages: { points: 10, durationS: 10, burst: 5, burstDurationS: 60 },
  events: { points: 60, durationS: 10 },
  connectionsPerIp: { points: 60, durationS: 60 },
  httpPerIp: { points: 300, durationS: 60 },
  // Password guessing (issue 15, finding 3): 10 failed sign-ins per 15 min per client IP, whatever
  // account they target and whatever other account signs in meanwhile; and 5 failures in 15 min lock
  // the account itself for 15 min, from every IP (guesses spread over many IPs still stop).
  loginAttemptsPerIp: { points: 10, durationS: 15 * 60 },
  loginFailuresPerAccount: { points: 5, durationS: 15 * 60, lockS: 15 * 60 },
  // 20 files a minute: a customer dropping a handful of photos at once, not a script filling the disk.
  uploads: { points: 20, durationS: 60 },
};

export type LimiterName = 'message_socket' | 'message_session' | 'event_socket' | 'connection_ip' | 'http_ip' | 'login_ip' | 'login_account' | 'upload';

/**
 * Limits that span nodes live in Redis so they hold across gateway nodes; each has an in-memory
 * insurance limiter: while Redis is down (or not yet ready) the node limits on its own instead of
 * failing. Per-socket limits are in memory (a socket is served by one node).
 */
export function createLimits(deps: { redis: Redis; keys: Pick<RedisKeys, 'rateLimit'>; metrics: Metrics; logger: Logger }, config: LimitConfig = DEFAULT_LIMITS) {
  const make = (name: string, w: Window, blockDuration = 0) =>
    new RateLimiterRedis({
      storeClient: deps.redis,
      keyPrefix: deps.keys.rateLimit(name),
      points: w.points,
      duration: w.durationS,
      blockDuration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${name}-insurance`, points: w.points, duration: w.durationS, blockDuration }),
    });
  // A socket lives on one node for its whole life, so its limits need no Redis round trip (issue 18):
  // counted in this process. What spans nodes (a session's tabs, an IP, an account) stays in Redis.
  const local = (name: string, w: Window) => new RateLimiterMemory({ keyPrefix: name, points: w.points, duration: w.durationS });
  const bursty = (name: string, make1: (name: string, w: Window) => RateLimiterRedis | RateLimiterMemory) =>
    new BurstyRateLimiter(
      make1(name, config.messages),
      make1(`${name}-burst`, { points: config.messages.burst, durationS: config.messages.burstDurationS }),
    );
  const limiters = {
    message_socket: bursty('msg-socket', local),
    message_session: bursty('msg-session', make),
    event_socket: local('evt-socket', config.events),
    connection_ip: make('conn-ip', config.connectionsPerIp),
    http_ip: make('http-ip', config.httpPerIp),
    // Both counted before the attempt (parallel guesses can't overshoot). A success gives back its own
    // IP point (failures stay) and clears only its own account's count.
    login_ip: make('login-ip', config.loginAttemptsPerIp),
    login_account: make('login-account', config.loginFailuresPerAccount, config.loginFailuresPerAccount.lockS),
    upload: make('upload', config.uploads),
  } satisfies Record<LimiterName, { consume: (key: string) => Promise<RateLimiterRes> }>;

  /** Throws AppError('rate_limited') when over the limit; never throws for a store failure. */
  async function take(name: LimiterName, key: string): Promise<void> {
    try {
      await limiters[name].consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        deps.metrics.rateLimited.inc({ limiter: name });
        const retryS = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        const message =
          name === 'login_account'
            ? `This account is locked for ${Math.ceil(retryS / 60)} min after too many failed sign-ins. Try again later or ask an admin.`
            : `Too many requests. Please wait ${retryS} s and try again.`;
        throw new AppError('rate_limited', message, { retryAfterMs: err.msBeforeNext });
      }
      // Both Redis and the insurance limiter failed: let the request through rather than take chat down.
      deps.logger.warn({ err, limiter: name }, 'rate limiter unavailable');
    }
  }

  return {
    config,
    take,
    /**
     * A successful sign-in: its own attempt no longer counts against the IP (earlier failures, for
     * any account, still do), and its account's failures are cleared. Never another account's.
     */
    loginSucceeded: (ip: string, account: string) =>
      Promise.all([limiters.login_ip.reward(ip, 1), limiters.login_account.delete(account)]).then(() => undefined, () => undefined),
    /** Per socket first, then per session, so one noisy tab spends its own budget first. */
    async message(socketId: string, conversationId: string) {
      await take('message_socket', socketId);
      await take('message_session', conversationId);
    },
  };
}
export type Limits = ReturnType<typeof createLimits>;
