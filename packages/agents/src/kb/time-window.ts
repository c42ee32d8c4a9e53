// "Can I return something I bought 40 days ago?" — the article states the 30-day rule; a person
// would also say which side of it the customer is on. Deterministic arithmetic on what the question
// and the chosen sentences say; nothing is claimed when either number is missing.

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};
const DAYS_PER: Record<string, number> = { day: 1, week: 7, month: 30 };
const AMOUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = '(day|week|month)s?';

// How long ago it happened, as customers say it: "40 days ago", "6 weeks back", "it's been 35 days",
// "after 20 days", "I've had it for two months", "35 days since delivery". Not a bare "for 30 days",
// which usually asks about the rule itself ("do you take returns for 30 days?").
const ELAPSED = [
  new RegExp(`\\b${AMOUNT}\\s+${UNIT}\\s+(?:ago|back|since|later|after (?:delivery|purchase|buying|i bought|it arrived))\\b`, 'i'),
  new RegExp(`\\b(?:it'?s been|it has been|been|after|over|more than|had (?:it|them|this|these) for)\\s+(?:about\\s+|almost\\s+|around\\s+)?${AMOUNT}\\s+${UNIT}\\b`, 'i'),
];
const WINDOW = new RegExp(`\\bwithin\\s+${AMOUNT}\\s+${UNIT}\\b`, 'i');

const toNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : (NUMBER_WORDS[s.toLowerCase()] ?? NaN));

function elapsedOf(question: string): { days: number; said: string } | undefined {
  for (const re of ELAPSED) {
    const m = re.exec(question);
    if (!m) continue;
    const n = toNumber(m[1]!);
    const unit = m[2]!.toLowerCase();
    if (!Number.isFinite(n) || n <= 0) continue;
    const said = `${/^\d+$/.test(m[1]!) ? n : m[1]!.toLowerCase()} ${unit}${n === 1 ? '' : 's'}`;
    return { days: n * DAYS_PER[unit]!, said };
  }
  return undefined;
}

/**
 * The verdict for a question that says how long ago something happened, against the first
 * "within N days/weeks/months" of the answer: "40 days is past the 30-day window." or "20 days is
 * within the 30-day window." Undefined when either side states no such time.
 */
export function windowVerdict(question: string, answer: string): { past: boolean; text: string } | undefined {
  const elapsed = elapsedOf(question);
  if (!elapsed) return undefined;
  const w = WINDOW.exec(answer);
  if (!w) return undefined;
  const n = toNumber(w[1]!);
  const unit = w[2]!.toLowerCase();
  if (!Number.isFinite(n)) return undefined;
  const windowDays = n * DAYS_PER[unit]!;
  const window = `${n}-${unit}`;
  const said = elapsed.said.charAt(0).toUpperCase() + elapsed.said.slice(1);
  const past = elapsed.days > windowDays;
  return { past, text: past ? `${said} is past the ${window} window.` : `${said} is within the ${window} window.` };
}
