/**
 * Strict per-conversation order (DESIGN §8): a fenced Redis lock per conversation and wake-ups for
 * the jobs waiting on it. Postgres has the last word (the worker's job handler checks that no earlier
 * message is unanswered), so losing Redis costs latency, never order.
 */
export { createConversationLocks, type ConversationLock, type ConversationLocks } from './lock';
export { createConversationWaiters, type ConversationWaiters } from './waiters';
