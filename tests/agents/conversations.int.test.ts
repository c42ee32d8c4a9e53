import { afterAll, beforeAll, describe } from 'vitest';
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
});
