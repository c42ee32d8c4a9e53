import { PROMPT_FINGERPRINTS } from './prompts';

// Facts a rephrased reply must carry over verbatim: prices, order/ticket/tracking numbers, codes,
// day counts. Identifiers it must not invent: order numbers, tracking numbers, emails.
// German, Spanish and French drafts print prices as "14,99 $" / "14,99 US$" / "14,99 $US" and
// durations as "30 Tagen", "12 meses", "5–7 jours ouvrés": the same facts, the same rule.
const LOCALE_PRICE = /(?<![\d.,])\d{1,3}(?:[. ]?\d{3})*,\d{2} ?(?:US\$|\$US|\$)/g;
const FACTS = new RegExp(
  [
    /\$\d[\d,]*(?:\.\d{2})?|\bEM-\d{5}\b|\bTK-\d{4}\b|\b1Z[0-9A-Z]{16}\b|\b[A-Z]{3,}\d{1,3}\b|\b\d+(?:–\d+)? (?:business )?days?\b/.source,
    LOCALE_PRICE.source,
    /\b\d+(?:–\d+)? (?:Werktagen?|Tagen?|Monaten?|días hábiles|días|meses|jours ouvrés|jours|mois)(?![\p{L}])/u.source,
  ].join('|'),
  'gu',
);
const IDENTIFIERS = /\bEM-\d{5}\b|\b1Z[0-9A-Z]{16}\b|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;

const norm = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

// Prices compare as amounts in cents: "$799" and "$799.00" are one price, and tool results carry
// cents fields ("priceCents":79900) rather than formatted prices.
const PRICE = /\$\s?(\d[\d,]*(?:\.\d{1,2})?)/g;
const CENTS_FIELD = /"\w*[cC]ents"\s*:\s*(\d+)/g;
const cents = (amount: string) => Math.round(Number(amount.replace(/,/g, '')) * 100);
const localeCents = (p: string) => Math.round(Number(p.replace(/ ?(?:US\$|\$US|\$)$/, '').replace(/[. ]/g, '').replace(',', '.')) * 100);
const pricesIn = (s: string) => [...[...s.matchAll(PRICE)].map((m) => cents(m[1]!)), ...(s.match(LOCALE_PRICE) ?? []).map(localeCents)];

/**
 * Why a network model's reply may not be sent (null when it may): it dropped a fact of the
 * grounded draft, named an order/tracking number or email that neither the draft nor the
 * customer mentioned, stated a price none of them holds, or quoted its own instructions. The
 * caller then sends the draft itself. `fetched` (tool results the model read itself in a tool
 * loop) may be named too, but is not a list the reply must repeat: a whole order row holds far
 * more facts than one answer needs.
 */
export function ungroundedReason(reply: string, draft: string, question: string, fetched = ''): string | null {
  if (!reply.trim()) return 'empty reply';
  const r = norm(reply);
  for (const f of new Set(draft.match(FACTS) ?? [])) if (!r.includes(f.toLowerCase())) return `dropped fact ${f}`;
  return inventedReason(reply, `${draft} ${question} ${fetched}`) ?? (PROMPT_FINGERPRINTS.some((s) => r.includes(s)) ? 'prompt text in reply' : null);
}

/** An order/tracking number, email or price in `text` that `known` (facts, question, tool results) does not hold. */
function inventedReason(text: string, known: string): string | null {
  const allowed = norm(known);
  for (const id of text.match(IDENTIFIERS) ?? []) if (!allowed.includes(id.toLowerCase())) return `invented identifier ${id}`;
  const prices = new Set([...pricesIn(known), ...[...known.matchAll(CENTS_FIELD)].map((m) => Number(m[1]))]);
  for (const p of pricesIn(text)) if (!prices.has(p)) return `invented price $${(p / 100).toFixed(2)}`;
  return null;
}

// The opening of an instruction sentence (24 chars): enough to stop a stream before the rest goes out.
// A false alarm only ends the deltas early; message:new still carries the checked reply.
const FINGERPRINT_OPENINGS = PROMPT_FINGERPRINTS.map((s) => s.slice(0, 24));

/**
 * For text still streaming (complete words only): why it must not go further. Dropped facts can
 * only be judged at the end; an invented identifier or price, or the start of an instruction
 * sentence, is stopped before the customer's widget shows it.
 */
export function streamingProblem(textSoFar: string, known: string): string | null {
  const r = norm(textSoFar);
  return inventedReason(textSoFar, known) ?? (FINGERPRINT_OPENINGS.some((s) => r.includes(s)) ? 'prompt text in reply' : null);
}
