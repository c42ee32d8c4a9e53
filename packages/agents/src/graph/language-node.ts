import { nextLanguage } from '../i18n/detect';
import { isLang } from '../i18n/languages';
import { answerLocalized } from '../i18n/localized';
import type { Foreign } from '../i18n/texts';
import type { TurnStateT, TurnUpdate } from './state';
import type { GraphDeps } from './types';

/**
 * Detects the message's language and moves the conversation's language with hysteresis
 * (i18n/detect.ts). Until a message says otherwise the site's locale (if served) is the language.
 */
export const makeLanguageNode = () => (state: TurnStateT): TurnUpdate => {
  const t0 = performance.now();
  const site = state.input.siteLocale?.slice(0, 2).toLowerCase();
  const mem = state.memory;
  const step = nextLanguage({ language: mem.language ?? (isLang(site) ? site : undefined), languagePending: mem.languagePending }, state.input.text);
  return {
    language: step.language,
    detectedLanguage: step.detected,
    memory: { language: step.memory.language, languagePending: step.memory.languagePending },
    timings: { language_ms: performance.now() - t0 },
  };
};

/** A German, Spanish or French turn: intent model + tools + translated templates and KB facts. */
export const makeLocalizedNode = (deps: GraphDeps) => async (state: TurnStateT): Promise<TurnUpdate> => {
  const t0 = performance.now();
  const out = await answerLocalized(deps, deps.i18n!, state.input, state.memory, state.language as Foreign);
  return {
    question: state.input.text,
    route: out.route,
    agent: out.agent,
    entities: out.entities,
    draft: out.draft,
    sources: out.sources ?? [],
    failed: !!out.failed,
    clarifying: false,
    ...(out.askedForPerson ? { escalation: { reason: 'customer_request' as const, detail: `customer asked for a person (${state.language})` } } : {}),
    memory: { ...out.memory, failures: out.failed ? state.memory.failures + 1 : 0 },
    timings: { route_ms: performance.now() - t0 },
  };
};
