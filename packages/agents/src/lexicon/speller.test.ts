import { describe, expect, it } from 'vitest';
import { loadLexicon } from './lexicon';
import { createShopSpeller, createSpeller } from './speller';

describe('shop speller (lexicon artifact)', () => {
  const speller = createShopSpeller(loadLexicon());

  it.each([
    ['retrun', 'return'],
    ['polcy', 'policy'],
    ['shiping', 'shipping'],
    ['hedphones', 'headphones'],
    ['warrenty', 'warranty'],
    ['laptp', 'laptop'],
    ['recieve', 'receive'],
    ['adress', 'address'],
    ['Retrun', 'Return'],
    ['sondhalo', 'soundhalo'], // the shop's own product line
    ['deliverd', 'delivered'], // not "delivery": first and last letters are rarely the typo
    ['acount', 'account'],
    ['cancle', 'cancel'],
  ])('corrects %s → %s', (typo, fix) => {
    expect(speller.correct(typo)).toBe(fix);
  });

  it.each(['EM-10001', 'WELCOME10', 'alice@example.com', 'ok', 'tv', '12345', 'HDMI', 'return', 'soundhalo', 'banana', 'laminated', "don't"])(
    'leaves %s alone',
    (token) => {
      expect(speller.correct(token)).toBeUndefined();
    },
  );
});

describe('correctText', () => {
  const speller = createShopSpeller(loadLexicon());

  it('corrects the words of a message and leaves codes, order numbers and emails alone', () => {
    const r = speller.correctText('What is your retrun polcy? My hedphones (EM-10001) broke; alice@example.com, WELCOME10, usb-c, don\'t.');
    expect(r.text).toBe('What is your return policy? My headphones (EM-10001) broke; alice@example.com, WELCOME10, usb-c, don\'t.');
    expect(r.corrections).toEqual([
      { from: 'retrun', to: 'return' },
      { from: 'polcy', to: 'policy' },
      { from: 'hedphones', to: 'headphones' },
    ]);
  });

  it('returns the text unchanged when nothing needs fixing', () => {
    expect(speller.correctText('where is my order EM-10001')).toEqual({ text: 'where is my order EM-10001', corrections: [] });
  });
});

describe('createSpeller (own vocabulary)', () => {
  const vocab = new Map([
    ['policy', 50],
    ['police', 5],
    ['shipping', 40],
    ['shopping', 90],
    ['headphones', 30],
    ['cat', 10],
  ]);
  const speller = createSpeller(vocab, { known: (w) => w === 'polcie' });

  it('prefers the nearer word, then the more frequent one', () => {
    expect(speller.correct('policey')).toBe('policy'); // distance 1 to policy, 2 to police
    expect(speller.correct('shpping')).toBe('shopping'); // distance 1 to both: frequency decides
  });

  it('allows distance 1 from 4 letters and distance 2 only from 7', () => {
    expect(speller.correct('polixy')).toBe('policy'); // 6 letters, distance 1
    expect(speller.correct('poxixy')).toBeUndefined(); // 6 letters, distance 2
    expect(speller.correct('hedphons')).toBe('headphones'); // 8 letters, distance 2
    expect(speller.correct('cta')).toBeUndefined(); // under 4 letters
  });

  it('never corrects a word it or the caller knows', () => {
    expect(speller.correct('policy')).toBeUndefined();
    expect(speller.correct('polcie')).toBeUndefined();
  });
});
