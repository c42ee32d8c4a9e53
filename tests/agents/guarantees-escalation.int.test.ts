// Issue 16, survivor 3: "talk to a person" always escalates (DESIGN §5), whatever the router says.
// Every phrasing elsewhere in the suite is already routed `human` by the classifier, so the rule
// itself was never exercised. Here the model routes EVERYTHING to support with 0.99 confidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineModel, type ModelPort } from '@em/agents/model';
import { startGraphSuite, type GraphSuite } from './graph-suite';

/** A confident router that never says `human`: only the orchestrator's own rule can escalate. */
const supportSure = (inner: ModelPort): ModelPort => ({
  name: inner.name,
  async route(req) {
    const { meta } = await inner.route(req);
    return { value: { domain: 'support', confidence: 0.99, intent: 'refund_request' }, meta };
  },
  analyze: (req) => inner.analyze(req),
  respond: (req) => inner.respond(req),
});

let suite: GraphSuite;
beforeAll(async () => {
  suite = await startGraphSuite('gesc', (router) => supportSure(createOfflineModel(router)));
});
afterAll(async () => suite?.stop());

describe('an explicit ask for a person escalates even when the router is sure it is support', () => {
  const asks = [
    'can I talk to a person about my refund',
    'I want to speak with a human about the refund',
    'please connect me to an agent, my refund is late',
    'Could you put me through to your manager regarding my refund?',
    'TRANSFER ME TO A REAL PERSON',
    'can I chat with someone about the refund',
  ];
  for (const text of asks) {
    it(`"${text}" → waiting for a person, reason customer_request`, async () => {
      const t = await (await suite.chat()).say(text);
      expect(t.escalation).toEqual(expect.objectContaining({ reason: 'customer_request' }));
      expect(t.route.domain).toBe('human');
      expect(t.clarifying).toBe(false);
    });
  }

  const notAsks = ['I want a refund for my headphones', 'my friend said I should talk about the refund policy', 'What is your return policy?'];
  for (const text of notAsks) {
    it(`"${text}" stays with the support specialist`, async () => {
      const t = await (await suite.chat()).say(text);
      expect(t.escalation).toBeUndefined();
      expect(t.agent).toBe('support');
      expect(t.route.domain).toBe('support');
    });
  }
});
