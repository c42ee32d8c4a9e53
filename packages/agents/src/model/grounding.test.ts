import { describe, expect, it } from 'vitest';
import { streamingProblem, ungroundedReason } from './grounding';
import { PROMPT_FINGERPRINTS } from './prompts';
import { ACT_SYSTEM, RESPOND_SYSTEM } from './prompts';
import { costUsd } from './pricing';

const draft = 'Order EM-10001 (1× Nimbus X5, total $799.00) is shipped. It shipped with UPS, tracking number 1Z999AA10123456784.';

describe('grounding guard for network replies', () => {
  it('accepts a rephrasing that keeps every fact', () => {
    expect(ungroundedReason('Good news! Your order EM-10001 ($799.00) has shipped with UPS — tracking 1Z999AA10123456784.', draft, 'where is EM-10001')).toBeNull();
  });
  it('refuses a reply that drops a fact', () => {
    expect(ungroundedReason('Your order EM-10001 has shipped.', draft, 'where is EM-10001')).toMatch(/dropped/);
  });
  it('refuses identifiers neither the draft nor the customer mentioned', () => {
    expect(ungroundedReason(`${draft} Also EM-10003 is delivered.`, draft, 'where is EM-10001')).toMatch(/invented identifier EM-10003/);
    expect(ungroundedReason(`${draft} Contact bob@example.com.`, draft, 'hi')).toMatch(/invented/);
  });
  it('lets a tool loop name identifiers it fetched itself, without having to repeat every fetched fact', () => {
    const fetched = '{"found":true,"order":{"orderNumber":"EM-10002","totalCents":12900,"status":"processing"}}';
    expect(ungroundedReason(`${draft} EM-10002 is processing.`, draft, 'hi', fetched)).toBeNull();
    expect(ungroundedReason(`${draft} EM-10003 is processing.`, draft, 'hi', fetched)).toMatch(/invented identifier EM-10003/);
    expect(ungroundedReason('EM-10002 is processing.', draft, 'hi', fetched)).toMatch(/dropped/);
  });
  it('refuses prices that neither the draft, the customer nor a fetched cents field holds', () => {
    expect(ungroundedReason(`${draft} It was $799 well spent.`, draft, 'x')).toBeNull();
    expect(ungroundedReason(`${draft} It is $699.00 now.`, draft, 'x')).toMatch(/invented price \$699\.00/);
    expect(ungroundedReason(`${draft} The Kestrel is $1,299.00.`, draft, 'x', '[{"sku":"K9","priceCents":129900}]')).toBeNull();
    expect(ungroundedReason(`${draft} Yes, under $1,000.`, draft, 'anything under $1000?')).toBeNull();
  });
  it('refuses prompt text and empty replies', () => {
    expect(ungroundedReason(`${draft} ${RESPOND_SYSTEM}`, draft, 'x')).toBe('prompt text in reply');
    expect(ungroundedReason(`${draft} ${ACT_SYSTEM}`, draft, 'x')).toBe('prompt text in reply');
    expect(ungroundedReason('  ', draft, 'x')).toBe('empty reply');
  });
});

describe('grounding guard edge cases (mutation survivors, issue 16)', () => {
  it('compares facts whitespace-insensitively: a fact restated with a line break or double space is kept', () => {
    expect(ungroundedReason('Returns are accepted within 30\n days, free of charge.', 'Returns are accepted within 30 days.', 'x')).toBeNull();
    expect(ungroundedReason('It takes 5  business days.', 'Standard shipping takes 5 business days.', 'x')).toBeNull();
  });
  it('accepts a plain reply to a draft with no facts, and a reply with no identifiers', () => {
    expect(ungroundedReason('Happy to help! What are you looking for?', 'Hello! How can I help you today?', 'hi')).toBeNull();
    expect(ungroundedReason('Thanks for waiting.', 'Thanks.', 'ok')).toBeNull();
  });
  it('stops a stream at the opening of an instruction sentence, and not a plain one', () => {
    const opening = PROMPT_FINGERPRINTS[0]!.slice(0, 24);
    expect(streamingProblem(`Sure. ${opening.toUpperCase()}`, 'x')).toBe('prompt text in reply');
    expect(streamingProblem('Sure, the Nimbus X5 has a great camera.', 'x')).toBeNull();
    expect(streamingProblem('Your order EM-12345 is', 'EM-10001')).toMatch(/invented identifier EM-12345/);
  });
});

describe('cost estimate', () => {
  it('prices known models per 1M tokens and leaves unknown ones unpriced', () => {
    expect(costUsd('gpt-4o-mini', { prompt: 1_000_000, completion: 1_000_000 })).toBeCloseTo(0.75, 6);
    expect(costUsd('gpt-4o-mini-2024-07-18', { prompt: 1000, completion: 0 })).toBeCloseTo(0.00015, 8);
    expect(costUsd('llama3:8b', { prompt: 1000, completion: 1000 })).toBeUndefined();
  });
});

describe('grounding guard in German, Spanish and French', () => {
  const de = 'Der Expressversand dauert 1–2 Werktage und kostet 14,99 $ pro Bestellung.';
  it('keeps locale prices and durations as facts', () => {
    expect(ungroundedReason('Express kostet 14,99 $ und dauert 1–2 Werktage.', de, 'Wie viel kostet Express?')).toBeNull();
    expect(ungroundedReason('Express dauert 1–2 Werktage.', de, 'x')).toMatch(/dropped fact 14,99 \$/);
    expect(ungroundedReason('Express kostet 14,99 $.', de, 'x')).toMatch(/dropped fact 1–2 Werktage/);
  });
  it('refuses a locale price the facts do not hold', () => {
    expect(ungroundedReason(`${de} Heute nur 9,99 $!`, de, 'x')).toMatch(/invented price \$9\.99/);
    expect(ungroundedReason('Le prix de Voltra UltraBook 14 est de 1 099,00 $US.', 'Le prix de Voltra UltraBook 14 est de 1 099,00 $US.', 'x')).toBeNull();
  });
});
