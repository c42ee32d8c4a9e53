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

  it('the offline model makes each reply in one piece: nothing is streamed, so nothing is published before the reply', async () => {
    const chat = await suite.chat();
    for (const text of ['What is your return policy?', 'How much is the Nimbus X5?', 'where is my order EM-10001']) {
      const t = await chat.say(text);
      expect(t.reply.length).toBeGreaterThan(0);
      expect(t.deltas).toEqual([]);
    }
  });
});
