import type { IntentModel } from './intents';
import type { FactsByLang } from './kb-facts';

/**
 * What the German, Spanish and French path loads once per process: the intent model and the
 * translated KB facts. Its own file so the graph's types can name it without importing the path.
 */
export interface LocalizedResources {
  intents: IntentModel;
  facts: FactsByLang;
}
