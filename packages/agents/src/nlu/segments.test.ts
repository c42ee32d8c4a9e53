import { describe, expect, it } from 'vitest';
import { splitQuestions } from './segments';

describe('splitQuestions', () => {
  it.each([
    ["what's the return window and how long does shipping take?", ["what's the return window", 'how long does shipping take?']],
    ['How much is express shipping? Do you price match?', ['How much is express shipping?', 'Do you price match?']],
    ['Is the Nimbus X5 in stock, and can I use WELCOME10 on it?', ['Is the Nimbus X5 in stock', 'can I use WELCOME10 on it?']],
  ])('%j → %j', (text, parts) => expect(splitQuestions(text)).toEqual(parts));

  it.each([
    'My order EM-10001 is late. Where is it?',
    'black and white headphones',
    'can I return it and get a refund?',
    'hi',
    'where is my order',
  ])('keeps %j whole', (text) => expect(splitQuestions(text)).toEqual([text]));
});
