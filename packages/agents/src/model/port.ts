import type { Route } from '@em/contracts/schemas';

export interface RespondRequest {
  agent: string;
  question: string;
  /** Grounded draft built from DB rows and KB passages. */
  draft: string;
  history: Array<{ role: string; text: string }>;
  signal?: AbortSignal;
  onDelta?: (delta: string) => void;
}

/**
 * The one port both providers sit behind (DESIGN §7). The offline provider routes with the trained
 * classifier and answers with the grounded draft; a network provider may route with structured
 * output and rephrase the draft, and falls back to offline on error.
 */
export interface ModelPort {
  readonly name: 'offline' | 'openai';
  route(text: string, history: Array<{ role: string; text: string }>, signal?: AbortSignal): Promise<Route>;
  respond(req: RespondRequest): Promise<string>;
}
