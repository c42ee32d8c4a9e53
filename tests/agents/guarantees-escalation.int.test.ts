// Issue 16, survivor 3: "talk to a person" always escalates (DESIGN §5), whatever the router says.
// Every phrasing elsewhere in the suite is already routed `human` by the classifier, so the rule
// itself was never exercised. Here the model routes EVERYTHING to support with 0.99 confidence.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '@em/contracts/schemas';
import { createOfflineModel, type ModelPort } from '@em/agents/model';
import { startGraphSuite, type GraphSuite } from './graph-suite';

/** What the router answers for every message; by default a confident `support` that never says `human`. */
const SUPPORT_SURE: Route = { domain: 'support', confidence: 0.99, intent: 'refund_request' };
let forced: Route = SUPPORT_SURE;
const supportSure = (inner: ModelPort): ModelPort => ({
  name: inner.name,
  async route(req) {
    const { meta } = await inner.route(req);
    return { value: forced, meta };
  },
  analyze: (req) => inner.analyze(req),
  respond: (req) => inner.respond(req),
});

let suite: GraphSuite;
beforeAll(async () => {
  suite = await startGraphSuite('gesc', (router) => supportSure(createOfflineModel(router)));
});
afterAll(async () => suite?.stop());
afterEach(() => {
  forced = SUPPORT_SURE;
});

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

describe('the router\'s `human`: trusted when confident or when the customer names a person; one unclear message never escalates', () => {
  it('a confident `human` route escalates with reason customer_request', async () => {
    forced = { domain: 'human', confidence: 0.9, intent: 'human_agent' };
    const t = await (await suite.chat()).say('I have a question about my warranty');
    expect(t.escalation).toEqual(expect.objectContaining({ reason: 'customer_request' }));
  });

  it('an unsure `human` route on a message that names a person escalates', async () => {
    forced = { domain: 'human', confidence: 0.3, intent: 'human_agent' };
    const t = await (await suite.chat()).say('is there a real person there?');
    expect(t.escalation).toEqual(expect.objectContaining({ reason: 'customer_request' }));
  });

  it('an unsure `human` route on an unclear message does not escalate', async () => {
    forced = { domain: 'human', confidence: 0.3, intent: 'human_agent' };
    const t = await (await suite.chat()).say('hmm ok so about the thing from before');
    expect(t.escalation).toBeUndefined();
    expect(t.route.domain).not.toBe('human');
  });
});
