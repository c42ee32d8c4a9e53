import type { z } from 'zod';
import type { Db } from '@em/db/client';
import type { KnowledgeBase } from '../kb/kb';

/**
 * Who a turn may read data for. Built by the graph from the session (identity HMAC) and from
 * proofs recorded in memory, never from text a model produced: tools take it as a separate
 * argument so no tool input can widen it.
 */
export interface ToolScope {
  /** Verified session's customer (identity HMAC). */
  customerId?: string;
  /** Orders a guest proved with the order's email in this conversation: each unlocks only itself. */
  provenOrders: string[];
  conversationId?: string;
  /** Email a guest gave (proof or ticket follow-up), for tickets opened without an account. */
  guestEmail?: string;
}

export interface ToolDeps {
  db: Db;
  kb: KnowledgeBase;
  now?: () => Date;
}

/**
 * One typed tool, shared by the offline planner (called directly) and the network model's tool
 * loop (arguments parsed with `input` before `run`). `run` gets the scope separately.
 */
export interface Tool<I, O> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  run(deps: ToolDeps, scope: ToolScope, input: I): Promise<O>;
}

export const defineTool = <I, O>(t: Tool<I, O>) => t;
