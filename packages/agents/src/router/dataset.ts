import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { Domain } from '@em/contracts/schemas';

export interface Example {
  text: string;
  /** Fine-grained label the classifier learns (a Bitext intent or `em_<domain>`). */
  intent: string;
  domain: Domain;
}

export const dataDir = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function loadExamples(dir = dataDir()): Example[] {
  const bitext = readJsonl<Example>(path.join(dir, 'bitext/utterances.jsonl'));
  const own = readJsonl<{ text: string; domain: Domain }>(path.join(dir, 'electromart-utterances.jsonl')).map((e) => ({
    text: e.text,
    domain: e.domain,
    intent: `em_${e.domain}`,
  }));
  // Customer questions written for each knowledge-base passage also teach the router which
  // specialist owns the topic (the passage's owner is their domain).
  const kbFile = path.join(dir, 'kb-questions.jsonl');
  const kb = existsSync(kbFile)
    ? readJsonl<{ text: string; domain: Domain; passage: string }>(kbFile).map((e) => {
        // Asking how to reach a person is asking for one: the router's "human" target, not the article's owner.
        const domain: Domain = e.passage.endsWith('#talking-to-a-person') ? 'human' : e.domain;
        return { text: e.text, domain, intent: `em_${domain}` };
      })
    : [];
  return [...bitext, ...own, ...kb];
}

const stableHash = (s: string) => createHash('sha1').update(s).digest('hex');

/**
 * Stratified, deterministic split: within each intent, examples are ordered by a hash of their
 * text and every 5th goes to the hold-out, so the hold-out is 20% of every intent and never changes.
 */
export function splitHoldout(examples: Example[], every = 5): { train: Example[]; holdout: Example[] } {
  const byIntent = new Map<string, Example[]>();
  for (const e of examples) byIntent.set(e.intent, [...(byIntent.get(e.intent) ?? []), e]);
  const train: Example[] = [];
  const holdout: Example[] = [];
  for (const group of byIntent.values()) {
    group
      .map((e) => ({ e, h: stableHash(e.text) }))
      .sort((a, b) => (a.h < b.h ? -1 : 1))
      .forEach(({ e }, i) => (i % every === every - 1 ? holdout : train).push(e));
  }
  return { train, holdout };
}
