// What the fake OpenAI server "thinks": routing by the trained router (a stand-in for a capable
// LLM), P1 by catalog names it sees, and a reply that restates the facts it was given.
import type { IntentRouter } from '@em/agents/router';
import type { Brain } from './fake-openai';

export function fakeBrain(router: IntentRouter, productNames: string[]): Brain {
  return {
    route(text) {
      const r = router.route(text);
      return { domain: r.domain, confidence: r.confidence, intent: `llm_${r.intent ?? 'unknown'}` };
    },
    analyze(text) {
      const lower = text.toLowerCase();
      return { productNames: productNames.filter((n) => lower.includes(n.toLowerCase())), category: null, minPriceUsd: null, maxPriceUsd: null };
    },
    respond(facts) {
      return `Sure! ${facts}`;
    },
  };
}

/** The fake server starts before the graph (the graph needs its URL); the brain is bound after. */
export function lateBrain(): { brain: Brain; bind(router: IntentRouter, productNames: string[]): void } {
  let inner: Brain | undefined;
  const get = () => {
    if (!inner) throw new Error('fake brain used before bind()');
    return inner;
  };
  return {
    brain: { route: (t) => get().route(t), analyze: (t) => get().analyze(t), respond: (f, t) => get().respond(f, t) },
    bind: (router, names) => void (inner = fakeBrain(router, names)),
  };
}
