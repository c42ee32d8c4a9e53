import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectComplaint } from './complaint';
import { CUES } from './complaint-cues';
import { prepare } from './complaint-text';

const level = (text: string, history?: Array<{ role: string; text: string }>) => detectComplaint(text, history).level;
const BOT_FAIL = 'I could not pin that down. Could you tell me a little more about what you need?';

describe('detectComplaint: escalates what AFINN misses', () => {
  it.each([
    ["I'll do a chargeback", 'chargeback'],
    ["this is the third time I'm writing", 'repeat_contact'],
    ['worst experience of my life', 'strong_anger'],
    ['it arrived smashed and nobody answers', 'repeat_contact'],
    ["I've called 4 times about this", 'repeat_contact'],
    ['still no answer after 2 weeks', 'repeat_contact'],
    ['I will contact my lawyer', 'legal'],
    ['reporting you to trading standards', 'legal'],
    ['the charger started smoking', 'safety'],
    ['the battery is swollen', 'safety'],
    ['I was charged twice for one order', 'fraud'],
    ["There's a charge on my card I don't recognise", 'fraud'],
    ['you f***ing idiots', 'abuse'],
    ['absolutely furious', 'strong_anger'],
  ] as const)('%s → escalate (%s)', (text, kind) => {
    const s = detectComplaint(text);
    expect(s.level).toBe('escalate');
    expect(s.kinds).toContain(kind);
    expect(s.cues.length).toBeGreaterThan(0);
    expect(s.score).toBeGreaterThanOrEqual(0.7);
  });

  it('escalates "again!!" on a problem, but not a polite "thanks again!!"', () => {
    expect(level('The TV stopped working again!!')).toBe('escalate');
    expect(level('Thanks again!!')).toBe('none');
  });

  it('escalates a churn threat only together with anger', () => {
    expect(level('I will never order from you again, this is ridiculous')).toBe('escalate');
    expect(detectComplaint('I will never order from you again, this is ridiculous').kinds).toContain('churn_threat');
    expect(level('Please cancel my subscription')).toBe('none');
  });

  it('escalates damage on arrival with frustration; damage asked about calmly is a complaint', () => {
    const calm = detectComplaint('The speaker arrived with a cracked corner. How do I return it?');
    expect(calm.level).toBe('complaint');
    expect(calm.kinds).toEqual(['damaged']);
    expect(level('It came smashed to pieces, this is totally unacceptable')).toBe('escalate');
  });

  it('reads light typos and stretched words', () => {
    expect(level('rediculous service, totaly unacceptible')).toBe('escalate');
    expect(level('I want to do a chargbeack')).toBe('escalate');
    expect(level('I am furiousssss')).toBe('escalate');
  });
});

describe('detectComplaint: does not escalate', () => {
  it.each(['asdfgh', 'ok', '?', 'hello', 'What is your return policy?', 'Do you sell smoke detectors?', 'Is the Fire TV Stick in stock?'])(
    '%s → none',
    (text) => expect(level(text)).toBe('none'),
  );

  it.each([
    'a bit disappointed the colour is darker',
    'my screen is broken, how do I get it repaired?',
    'the package is late, where is it?',
  ])('%s → complaint', (text) => expect(level(text)).toBe('complaint'));

  it('treats negated threats as a complaint at most', () => {
    const s = detectComplaint("I don't want to file a chargeback, just a refund");
    expect(s.level).toBe('complaint');
    expect(s.kinds).not.toContain('chargeback');
    expect(level("I'm not going to sue anyone, I just want my money back")).not.toBe('escalate');
    expect(level("there's no smoke or anything, it just won't turn on")).toBe('complaint');
  });

  it('keeps the threat when only the if-clause is negated', () => {
    expect(level("If you don't refund me by Friday I'm doing a chargeback")).toBe('escalate');
    expect(level("Don't make me call my bank")).toBe('escalate');
  });

  it('treats quoting and asking what something is as a mention', () => {
    expect(level('what is a chargeback?')).toBe('none');
    expect(level('Your email said "chargeback pending", what does that mean?')).toBe('none');
    expect(level('What is your fraud protection policy?')).toBe('none');
  });

  it('treats hypothetical safety questions as no report', () => {
    expect(level('is this battery safe? could it catch fire?')).toBe('none');
    expect(level('What happens if my phone gets stolen?')).toBe('none');
  });

  it.each([
    "I'll call my bank to check if the payment went through",
    'Can you report it to the courier so they pick it up again?',
    "I'm such an idiot, I ordered the wrong size. Can I swap it?",
    'Someone bought this speaker for me as a gift, can I exchange it?',
    'Is it dangerous to use a third-party charger with my phone?',
    'I got a shock when I saw the price drop, great deal!',
    'My dad is in hospital so my neighbour will collect the order',
    'Will I be charged twice if I split the order?',
    'Please just ignore my previous message',
    'My name is Sue and I would like to check my order',
    "I'm a lawyer and need a light laptop for work",
  ])('precision guard: %s → not escalate', (text) => expect(level(text)).not.toBe('escalate'));

  it('still escalates the threatening forms of the same words', () => {
    expect(level("If you don't refund me by tomorrow I'll call my bank")).toBe('escalate');
    expect(level('Is this a fire hazard? The plug is black and smells of burning')).toBe('escalate');
    expect(level('Someone logged into my account and changed the delivery address')).toBe('escalate');
    expect(level('Your driver was a complete idiot and threw my parcel')).toBe('escalate');
  });

  it('does not read ordinals about buying as repeat contact', () => {
    expect(level('This is the second laptop I buy from you, love the service')).toBe('none');
  });
});

describe('detectComplaint: history', () => {
  it('escalates a second unhappy message after an unhelpful answer', () => {
    const history = [
      { role: 'customer', text: 'my order EM-99999 is late' },
      { role: 'bot', text: "I couldn't find order EM-99999 on your account. Please check the number." },
    ];
    expect(level('it still has not arrived and this is really annoying', history)).toBe('escalate');
    expect(level('it still has not arrived and this is really annoying')).toBe('complaint');
  });

  it('escalates the same complaint repeated; a repeated neutral question is only a complaint', () => {
    const complaint = [
      { role: 'customer', text: 'The item arrived damaged, I need a replacement' },
      { role: 'bot', text: 'You can return items within 30 days.' },
    ];
    const r = detectComplaint('the item arrived damaged, I need a replacement please', complaint);
    expect(r.level).toBe('escalate');
    expect(r.kinds).toContain('repeat_contact');
    expect(level('where is my order', [{ role: 'customer', text: 'where is my order' }, { role: 'bot', text: BOT_FAIL }])).toBe('complaint');
  });

  it('does not escalate an unclear message after an unclear message', () => {
    expect(level('what', [{ role: 'customer', text: 'asdf' }, { role: 'bot', text: BOT_FAIL }])).toBe('none');
  });
});

describe('complaint cues', () => {
  const lines = ['complaints-dev.jsonl', 'complaints-test.jsonl'].flatMap((f) =>
    readFileSync(new URL(`../../data/eval/${f}`, import.meta.url), 'utf8').split('\n').filter(Boolean),
  );
  const texts = lines.flatMap((l) => {
    const row = JSON.parse(l) as { text: string; history?: Array<{ text: string }> };
    return [row.text, ...(row.history ?? []).map((h) => h.text)];
  });

  it('gates never skip a text their regex matches (over both labelled sets)', () => {
    expect(texts.length).toBeGreaterThan(400);
    for (const cue of CUES) {
      if (!cue.gate) continue;
      for (const t of texts) {
        const norm = prepare(t).norm;
        cue.re.lastIndex = 0;
        if (cue.re.test(norm)) expect(cue.gate.some((g) => norm.includes(g)), `${cue.label}: ${t}`).toBe(true);
      }
    }
  });
});
