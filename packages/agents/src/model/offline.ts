import type { IntentRouter } from '../router/router';
import type { ModelPort } from './port';

const OFFLINE = { provider: 'offline' } as const;

/** Deterministic, network-free provider: trained router + replies composed from retrieved facts. */
export function createOfflineModel(router: IntentRouter): ModelPort {
  return {
    name: 'offline',
    async route({ text, signal }) {
      signal?.throwIfAborted();
      return { value: router.route(text), meta: OFFLINE };
    },
    async analyze() {
      // Regex + catalog matching in the orchestrator already is the offline P1.
      return { value: null, meta: OFFLINE };
    },
    async respond({ draft, signal }) {
      signal?.throwIfAborted();
      // Made in one piece, in about a millisecond: nothing to stream (issue 18). Pretending to stream
      // word by word cost a typing indicator, deltas and their fan-out for every reply; the widget
      // shows the whole reply at once, and a network model still streams through onDelta.
      return { value: draft, meta: OFFLINE };
    },
    async act({ signal }) {
      // The specialists' tool calls already were the plan; the graph answers with respond().
      signal?.throwIfAborted();
      return { value: null, meta: OFFLINE };
    },
  };
}
