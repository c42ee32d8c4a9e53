import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphSuite, type GraphSuite } from './graph-suite';
import { conversationScenarios } from './scenarios';

let suite: GraphSuite;
beforeAll(async () => {
  suite = await startGraphSuite('conv');
});
afterAll(async () => {
  await suite?.stop();
});

describe('multi-turn conversations through the real graph (offline provider, seeded Postgres)', () => {
  conversationScenarios(() => suite);

  it('two questions of one message that the same article answers get that answer once', async () => {
    const chat = await suite.chat();
    const t = await chat.say('where do you ship to? do you ship to canada');
    expect(t.reply).toMatch(/50 US states/);
    expect(t.reply.match(/50 US states/g)).toHaveLength(1);
    // Two different answers are both kept.
    const both = await (await suite.chat()).say('how long is the warranty and how long do returns take?');
    expect(both.reply).toMatch(/12-month/);
    expect(both.reply).toMatch(/30 days/);
  });

  it('the offline model makes each reply in one piece: nothing is streamed, so nothing is published before the reply', async () => {
    const chat = await suite.chat();
    for (const text of ['What is your return policy?', 'How much is the Nimbus X5?', 'where is my order EM-10001']) {
      const t = await chat.say(text);
      expect(t.reply.length).toBeGreaterThan(0);
      expect(t.deltas).toEqual([]);
    }
  });
});
