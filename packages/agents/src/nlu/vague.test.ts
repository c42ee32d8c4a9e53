import { describe, expect, it } from 'vitest';
import { saysNothingYet } from './vague';

describe('a request that does not yet say what it is about', () => {
  it.each(['I need help', 'can you help me?', 'I have a question', 'help please', 'Hi, I need some help'])('%j asks for help without a subject', (t) => {
    expect(saysNothingYet(t)).toBe(true);
  });
  it.each(['I need help with my account', 'I need help returning a laptop', 'I want to talk to a person', 'can I get an invoice?', 'help, my tv has no sound'])(
    '%j names its subject',
    (t) => expect(saysNothingYet(t)).toBe(false),
  );
});
