// Scripted multi-turn conversations asserting facts against the seeded database. Shared by the
// offline suite (conversations.int.test.ts) and the OpenAI-provider suite (fake server), so the
// same facts must hold whichever provider answers.
import type { GraphSuite } from './graph-suite';
import { behaviourScenarios } from './scenarios-behaviour';
import { catalogScenarios } from './scenarios-catalog';
import { orderScenarios } from './scenarios-orders';
import { scriptedScenarios } from './scenarios-scripts';

export function conversationScenarios(suite: () => GraphSuite) {
  orderScenarios(suite);
  catalogScenarios(suite);
  behaviourScenarios(suite);
  scriptedScenarios(suite);
}
