import { describe, expect, it } from 'vitest';
import { detectLanguage, nextLanguage } from './detect';

describe('detectLanguage', () => {
  it.each([
    ['Wie viel kostet der Expressversand?', 'de'],
    ['¿Cuántos días tengo para devolver un producto?', 'es'],
    ['Combien de temps dure la garantie ?', 'fr'],
    ['how much is express shipping?', 'en'],
  ])('%s → %s (strong)', (text, lang) => {
    expect(detectLanguage(text)).toMatchObject({ language: lang, strength: 'strong' });
  });

  it('identifiers and one-word pleasantries carry no language of their own', () => {
    expect(detectLanguage('EM-10001').strength).toBe('none');
    expect(detectLanguage('hi').strength).toBe('none');
    expect(detectLanguage('ok').strength).toBe('none');
  });

  it('greetings too short for n-grams are weak evidence', () => {
    expect(detectLanguage('Hola')).toMatchObject({ language: 'es', strength: 'weak' });
    expect(detectLanguage('Hallo')).toMatchObject({ language: 'de', strength: 'weak' });
  });

  it('short questions the n-grams cannot decide are read by function words only one language has', () => {
    expect(detectLanguage('Was kostet Express?')).toMatchObject({ language: 'de', strength: 'weak' });
    // An English function word anywhere keeps the hint out of it.
    expect(detectLanguage('my phone will die')).toMatchObject({ language: 'en' });
  });
});

describe('nextLanguage (hysteresis)', () => {
  it('the first message with evidence sets the language; identifiers keep it', () => {
    const a = nextLanguage({}, 'Wo ist meine Bestellung?');
    expect(a.language).toBe('de');
    const b = nextLanguage(a.memory, 'EM-10001');
    expect(b.language).toBe('de');
    expect(b.detected).toBeUndefined();
  });

  it('a short message never flips an established conversation', () => {
    const m = { language: 'de' as const };
    const once = nextLanguage(m, 'gracias');
    expect(once.language).toBe('de');
    expect(once.detected).toBe('es');
    // …but the same language twice in a row does.
    expect(nextLanguage(once.memory, 'hola').language).toBe('es');
  });

  it('one clear sentence in another language switches at once', () => {
    expect(nextLanguage({ language: 'de' }, 'Actually, can you answer in English please?').language).toBe('en');
  });

  it('with no evidence English is assumed', () => {
    expect(nextLanguage({}, 'ok').language).toBe('en');
  });
});
