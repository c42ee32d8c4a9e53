/**
 * Strict per-conversation order (DESIGN §8) is decided by Postgres: the worker's job handler runs a
 * message only when no earlier one is unanswered (read with the turn's context). What Redis adds is
 * speed: a job that must wait sleeps in BullMQ's `delayed` set and the message before it wakes it.
 * Losing Redis costs latency, never order.
 */
export { createConversationWaiters, type ConversationWaiters } from './waiters';
