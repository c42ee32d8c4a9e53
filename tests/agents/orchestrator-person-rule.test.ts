// Issue 16 (StrykerJS, `agents` group): the orchestrator's half of DESIGN §5's "a person on request",
// without the graph around it. The router's answer is forced per test, so each rule is seen alone:
// the explicit ask (whatever the router says), the router's own `human` (trusted when confident or
// when the text names a person), an ask in a later question of the message, and no clarifying
// question on a turn that escalates.
import { describe, expect, it } from 'vitest';
import type { Domain, Route } from '@em/contracts/schemas';
import { makeOrchestrator } from '@em/agents/graph/orchestrator';
import { createShopSpeller, loadLexicon } from '@em/agents/lexicon';
import type { GraphDeps } from '@em/agents/graph/types';
import type { TurnStateT } from '@em/agents/graph/state';

const ASKED = { escalation: { reason: 'customer_request', detail: 'customer asked for a person' } };

/** An orchestrator whose router answers `route` for every question and ranks domains as `ranked`. */
function orchestrate(route: Route, opts: { ranked?: Array<[Domain, number]>; clarifyBelow?: number; spelling?: boolean } = {}) {
  const lexicon = opts.spelling ? loadLexicon() : undefined;
  const deps = {
    ...(lexicon ? { lexicon, speller: createShopSpeller(lexicon) } : {}),
    model: { name: 'forced', route: async () => ({ value: route, meta: { provider: 'offline' } }) },
    router: { domains: () => opts.ranked ?? [[route.domain, route.confidence]] },
    catalog: [],
    catalogTerms: async () => new Map(),
    ...(opts.clarifyBelow === undefined ? {} : { clarifyBelow: opts.clarifyBelow }),
  } as unknown as GraphDeps;
  const run = makeOrchestrator(deps);
  return (text: string) =>
    run({
      input: { text, history: [], memory: { lastProductSkus: [], failures: 0, negativeStreak: 0 } },
      memory: { lastProductSkus: [], failures: 0, negativeStreak: 0 },
    } as unknown as TurnStateT);
}

const supportSure = orchestrate({ domain: 'support', confidence: 0.99, intent: 'refund_request' });

describe('an explicit ask for a person escalates whatever the router says', () => {
  it.each([
    'can I talk to a person about my refund',
    'I want to speak with a human about the refund',
    'please connect me to an agent, my refund is late',
    'I need a real person',
    'give me a manager',
    'human please',
    'Agent!',
  ])('"%s"', async (text) => {
    const out = await supportSure(text);
    expect(out).toMatchObject({ ...ASKED, agent: 'general', clarifying: false, queue: [] });
    expect(out.route).toMatchObject({ domain: 'human' });
  });

  it('a message that does not ask for a person stays with the routed specialist, no escalation', async () => {
    for (const text of ['I want a refund for my headphones', 'my friend said I should talk about the refund policy']) {
      const out = await supportSure(text);
      expect(out).not.toHaveProperty('escalation');
      expect(out).toMatchObject({ agent: 'support', clarifying: false });
      expect(out.route).toMatchObject({ domain: 'support', confidence: 0.99 });
    }
  });

  it('an ask in the second question of a message escalates too, and is not queued as a question', async () => {
    const out = await supportSure('What is your return policy? Can I talk to a person about it?');
    expect(out).toMatchObject({ ...ASKED, question: 'What is your return policy?', agent: 'support', queue: [] });
  });

  it('no clarifying question on a turn that escalates, even when the first question was unclear', async () => {
    const unsure = orchestrate({ domain: 'support', confidence: 0.3, intent: 'x' }, { ranked: [['support', 0.3], ['logistics', 0.25]] });
    // Without the ask, the same unclear question is clarified: the suppression below is what is tested.
    expect(await unsure('what about the thing from before?')).toMatchObject({ clarifying: true });
    const out = await unsure('what about the thing from before? Can I speak to a human?');
    expect(out).toMatchObject({ ...ASKED, clarifying: false });
  });
});

describe("the router's own `human`", () => {
  const human = (confidence: number, clarifyBelow?: number) =>
    orchestrate({ domain: 'human', confidence, intent: 'human_agent' }, { ranked: [['general', 0.6], ['support', 0.1]], clarifyBelow });

  it('is trusted at or above the clarify threshold (0.6 by default)', async () => {
    expect(await human(0.9)('I have a question about my warranty')).toMatchObject(ASKED);
    expect(await human(0.6)('I have a question about my warranty')).toMatchObject(ASKED);
  });

  it('below it, only when the text names a person', async () => {
    expect(await human(0.3)('is there a real person there?')).toMatchObject(ASKED);
    const out = await human(0.59)('I have a question about my warranty');
    expect(out).not.toHaveProperty('escalation');
    expect(out.route).toMatchObject({ domain: 'general' });
    expect(out.agent).toBe('general');
  });

  it('the threshold is the configured one', async () => {
    expect(await human(0.3, 0.2)('I have a question about my warranty')).toMatchObject(ASKED);
    expect(await human(0.7, 0.8)('I have a question about my warranty')).not.toHaveProperty('escalation');
  });
});

describe('clarifying only between two close readings other than `human`', () => {
  it('a human reading at the top of the ranking is ignored when deciding to clarify', async () => {
    const run = orchestrate({ domain: 'support', confidence: 0.3, intent: 'x' }, { ranked: [['human', 0.9], ['support', 0.3], ['logistics', 0.25]] });
    expect(await run('what about the thing from before?')).toMatchObject({ clarifying: true, route: { domain: 'support' } });
  });

  it('readings far apart, or a confident first one, answer instead', async () => {
    const far = orchestrate({ domain: 'support', confidence: 0.3, intent: 'x' }, { ranked: [['support', 0.45], ['logistics', 0.25]] });
    expect(await far('what about the thing from before?')).toMatchObject({ clarifying: false, agent: 'support' });
    const strong = orchestrate({ domain: 'support', confidence: 0.3, intent: 'x' }, { ranked: [['support', 0.55], ['logistics', 0.45]] });
    expect(await strong('what about the thing from before?')).toMatchObject({ clarifying: false, agent: 'support' });
  });
});

describe('the rest of the message and unreadable text', () => {
  it('a second question is queued for its own specialist', async () => {
    const out = await supportSure('What is your return policy? How long does a refund take?');
    expect(out).not.toHaveProperty('escalation');
    expect(out).toMatchObject({ question: 'What is your return policy?', agent: 'support' });
    expect(out.queue).toEqual([{ text: 'How long does a refund take?', agent: 'support', route: { domain: 'support', confidence: 0.99, intent: 'refund_request' } }]);
  });

  it('gibberish is clarified and counted, never escalated; an identifier or small talk in it is not gibberish', async () => {
    const read = orchestrate({ domain: 'support', confidence: 0.99, intent: 'x' }, { spelling: true });
    const out = await read('asdfgh qwerty zxcvb');
    expect(out).toMatchObject({ clarifying: true, memory: { unclear: 1 } });
    expect(out).not.toHaveProperty('escalation');
    expect(await read('xqzt vbnm EM-10001')).toMatchObject({ clarifying: false, memory: { unclear: 0 } });
    expect(await read('thx')).toMatchObject({ clarifying: false, memory: { unclear: 0 } });
  });
});
