// The shop's own text, read at build time: it decides which words the compact lexicon keeps and
// carries the domain words (brands, product lines) that the pretrained vectors do not know.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTS } from '@em/db/seed/products-data';
import { promotionFixtures } from '@em/db/seed/fixtures';

export const agentsDir = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = () => path.resolve(agentsDir(), '../..');

export interface ShopTexts {
  /** Written by the shop (KB paragraphs, catalog records, promotions): spelled correctly. */
  authoritative: string[];
  /** Customer utterances (Bitext + our own + KB phrasings); they contain deliberate typos ("shiping", "laptp"). */
  utterances: string[];
}

/** Spec keys are camelCase identifiers ("noiseCancelling"); customers write words. */
const splitCamel = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2');

const readJsonlTexts = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);

/**
 * Bitext comes from the committed copy (data/bitext/utterances.jsonl, imported from
 * ../shared/data/bitext by scripts/import-bitext.ts) so the build does not depend on ../shared.
 */
export function readShopTexts(root = repoRoot()): ShopTexts {
  const kbDir = path.join(root, 'knowledge-base');
  const kb = readdirSync(kbDir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .flatMap((f) => readFileSync(path.join(kbDir, f), 'utf8').split(/\n\s*\n/));
  const catalog = PRODUCTS.map((p) =>
    [p.name, p.brand, p.category, p.description, ...Object.entries(p.specs).map(([k, v]) => `${splitCamel(k)} ${v}`)].join('. '),
  );
  // Promotion texts do not depend on the date; a fixed one keeps the build deterministic.
  const promos = promotionFixtures(new Date(Date.UTC(2026, 0, 1))).map((p) => `${p.description}. ${p.conditions}`);
  const data = path.join(root, 'packages/agents/data');
  // Training phrasings only: data/eval/ stays unseen.
  const utterances = ['electromart-utterances.jsonl', 'kb-questions.jsonl', 'bitext/utterances.jsonl']
    .map((f) => path.join(data, f))
    .filter((f) => existsSync(f))
    .flatMap(readJsonlTexts);
  return { authoritative: [...kb, ...catalog, ...promos].map((s) => s.trim()).filter(Boolean), utterances };
}
