// Scripted multi-turn conversations, table-driven: every turn states what the reply must (and must
// not) contain, checked against the seeded rows. Part of the shared scenarios (see scenarios.ts).
import { expect, it } from 'vitest';
import type { Product } from '@em/db/queries/catalog';
import type { GraphSuite, Turn } from './graph-suite';
import { ALICE, TRACKING, expectNothingAboutBobsOrder, money } from './scenario-kit';

interface Step {
  say: string;
  has?: Array<string | RegExp>;
  hasNot?: Array<string | RegExp>;
  agent?: Turn['agent'];
  check?: (t: Turn, catalog: Product[]) => void;
}
interface Script {
  name: string;
  as?: string;
  steps: Step[];
}

const cheapestOf = (catalog: Product[], skus: string[]) =>
  catalog.filter((p) => skus.includes(p.sku) && p.stock > 0).sort((a, b) => a.priceCents - b.priceCents)[0]!;
const shownProducts = (t: Turn, catalog: Product[]) => t.sources.flatMap((s) => catalog.filter((p) => `product:${p.sku}` === s));

const SCRIPTS: Script[] = [
  {
    name: 'shopping for headphones: list → cheapest → stock',
    steps: [
      { say: 'hi', agent: 'general' },
      { say: "I'm looking for headphones", agent: 'sales', check: (t, c) => expect(shownProducts(t, c).every((p) => p.category === 'audio')).toBe(true) },
      // Among the options just shown (the previous turn's sources, remembered by the graph).
      { say: 'which is the cheapest?', check: (t, c) => expect(t.reply).toContain(cheapestOf(c, t.memory.lastProductSkus).name) },
      { say: 'is it in stock?', has: [/in stock/] },
    ],
  },
  {
    name: 'guest checks an order, proves the email, then asks about a code',
    steps: [
      { say: 'Where is my order EM-10002?', has: [/email/i], hasNot: [/processing/] },
      { say: ALICE, has: ['EM-10002', /processing/] },
      { say: 'is WELCOME10 valid?', has: [/WELCOME10 is valid/] },
    ],
  },
  {
    name: 'verified Alice: order status, then "when will it arrive?"',
    as: ALICE,
    steps: [
      { say: 'Where is EM-10001?', has: [TRACKING] },
      { say: 'when will it arrive?', has: [/Expected delivery: \d{4}-\d{2}-\d{2}/], agent: 'logistics' },
    ],
  },
  {
    name: 'verified Alice: cancel rules for a processing order, then another order',
    as: ALICE,
    steps: [
      { say: 'can I cancel EM-10002?', has: [/cancelled free of charge/] },
      { say: 'what about EM-10001?', has: [/shipped/, TRACKING] },
    ],
  },
  {
    name: 'returns, then refund timing, then thanks',
    steps: [
      { say: 'I want to return my headphones', has: [/30 days/], agent: 'support' },
      { say: 'how long do refunds take?', check: (t) => expect(t.sources.some((s) => s.startsWith('refunds.md#'))).toBe(true) },
      { say: 'thanks', agent: 'general', has: [/welcome/i] },
    ],
  },
  {
    name: 'discounts, an expired code, then the active one',
    steps: [
      { say: 'do you have any discounts?', has: ['WELCOME10'], hasNot: ['SUMMER25'] },
      { say: 'is SUMMER25 still valid?', has: [/SUMMER25 has expired/] },
      { say: 'and WELCOME10?', has: [/WELCOME10 is valid/] },
    ],
  },
  {
    name: 'a price question, then anger escalates',
    steps: [
      { say: 'How much is the Nimbus X5?', has: ['$799.00'] },
      { say: 'This is ridiculous, terrible, awful service. I hate it!', check: (t) => expect(t.escalation?.reason).toBe('negative_sentiment') },
    ],
  },
  {
    name: 'a policy question, then a request for a person',
    steps: [
      { say: 'what is your return policy', has: [/30 days/] },
      { say: 'ok, let me speak to a human', check: (t) => expect(t.escalation?.reason).toBe('customer_request') },
    ],
  },
  {
    name: 'phones in a price range, then "the first one"',
    steps: [
      {
        say: 'phones between $300 and $500',
        check: (t, c) => {
          const shown = shownProducts(t, c);
          expect(shown.length).toBeGreaterThan(0);
          for (const p of shown) expect(p.category === 'phones' && p.priceCents >= 30_000 && p.priceCents <= 50_000).toBe(true);
        },
      },
      { say: 'how much is the first one?', check: (t, c) => expect(t.reply).toContain(money(shownProducts(t, c)[0]!.priceCents)) },
    ],
  },
  {
    name: 'verified Alice: a product, then her order',
    as: ALICE,
    steps: [
      { say: 'How much is the Kestrel K9 Pro?', has: ['$849.00'] },
      { say: 'and where is my order EM-10001?', has: [TRACKING], agent: 'logistics' },
    ],
  },
  {
    name: 'guest gives a wrong email, then the right one',
    steps: [
      { say: 'Where is my order EM-10001?', has: [/email/i] },
      { say: 'bob@example.com', has: [/couldn't match/i], hasNot: [TRACKING] },
      { say: 'sorry, it is alice@example.com', has: [TRACKING] },
    ],
  },
  {
    name: 'a vague message is clarified, then answered',
    steps: [
      { say: 'zzqx vvbn', check: (t) => expect(t.clarifying).toBe(true) },
      { say: 'What is your return policy?', has: [/30 days/] },
    ],
  },
  {
    name: 'verified Alice: two of her tickets',
    as: ALICE,
    steps: [
      { say: "What's the status of TK-1003?", has: ['TK-1003', /resolved/] },
      { say: 'and TK-1001?', has: ['TK-1001', /open/] },
    ],
  },
  {
    name: 'an out-of-stock camera, then alternatives in stock',
    steps: [
      { say: 'Is the Kestrel Vantage Z8 available?', has: [/out of stock/] },
      { say: 'what other cameras do you have?', check: (t, c) => expect(shownProducts(t, c).some((p) => p.category === 'cameras' && p.stock > 0)).toBe(true) },
    ],
  },
  {
    name: 'verified Alice cannot walk from her order to Bob\'s',
    as: ALICE,
    steps: [
      { say: 'Where is my order EM-10001?', has: [TRACKING] },
      { say: 'and EM-10003?', check: (t) => expectNothingAboutBobsOrder(t.reply) },
      { say: 'it is for my friend bob@example.com', check: (t) => expectNothingAboutBobsOrder(t.reply) },
    ],
  },
  {
    name: 'verified Alice asks when "it" arrives with no order in context',
    as: ALICE,
    steps: [
      { say: 'Hi, when will my package arrive?', has: ['EM-10001', 'EM-10002', /expected \d{4}-\d{2}-\d{2}/], agent: 'logistics' },
      { say: 'can I change the address?', has: [/processing/] },
    ],
  },
  {
    name: 'shipping abroad, then express',
    steps: [
      { say: 'Do you ship to Canada?', has: [/does not currently ship internationally/] },
      { say: 'what about express?', has: ['$14.99'], agent: 'logistics' },
    ],
  },
  {
    name: 'troubleshooting that does not help offers a ticket or a person',
    steps: [
      { say: "my smart bulb won't connect to wifi", has: [/2\.4 GHz/], agent: 'support' },
      { say: 'still not working', has: [/ticket/, /member of our team/], check: (t) => expect(t.fallback).toBe(true) },
    ],
  },
];

export function scriptedScenarios(suite: () => GraphSuite) {
  it.each(SCRIPTS.map((s) => [s.name, s] as const))('script: %s', async (_name, script) => {
    const chat = await suite().chat(script.as ? { as: script.as } : {});
    for (const step of script.steps) {
      const t = await chat.say(step.say);
      const where = `after ${JSON.stringify(step.say)}: ${t.reply}`;
      for (const h of step.has ?? []) expect(t.reply, where).toMatch(typeof h === 'string' ? new RegExp(h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : h);
      for (const h of step.hasNot ?? []) expect(t.reply, where).not.toMatch(typeof h === 'string' ? new RegExp(h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : h);
      if (step.agent) expect(t.agent, where).toBe(step.agent);
      step.check?.(t, suite().catalog);
    }
  });
}
