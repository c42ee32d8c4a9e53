import type { IntentRouter } from '../router/router';
import type { ModelPort } from './port';

/** Deterministic, network-free provider: trained router + replies composed from retrieved facts. */
export function createOfflineModel(router: IntentRouter): ModelPort {
  return {
    name: 'offline',
    async route(text) {
      return router.route(text);
    },
    async respond({ draft, onDelta }) {
      // Stream word groups so the widget renders progressively exactly as with a network model.
      if (onDelta) for (const chunk of draft.match(/\S+\s*/g) ?? []) onDelta(chunk);
      return draft;
    },
  };
}
