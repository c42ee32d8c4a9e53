import { describe, expect, it } from 'vitest';
import { emailInMessage } from './follow-up';

describe('an email address typed as a message', () => {
  it('is taken when the message is only an address', () => {
    expect(emailInMessage('Guest.One@Example.com')).toBe('guest.one@example.com');
    expect(emailInMessage('  me@example.org. ')).toBe('me@example.org');
    expect(emailInMessage('<me@example.org>')).toBe('me@example.org');
  });
  it('is not taken from a sentence or anything else', () => {
    expect(emailInMessage('my email is me@example.org')).toBeNull();
    expect(emailInMessage('where is EM-10001?')).toBeNull();
    expect(emailInMessage('me@')).toBeNull();
  });
});
