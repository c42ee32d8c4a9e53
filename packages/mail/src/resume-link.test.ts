import { describe, expect, it } from 'vitest';
import { createResumeLinks } from './resume-link';

const conv = '0b1f3e36-dc06-4c16-b12f-ad44bbfec00e';
const links = (now = () => 1_000_000_000_000) => createResumeLinks({ secret: 'test-secret-0123456789', widgetUrl: 'http://localhost:3000/widget', now });

describe('links back to a conversation', () => {
  it('point to the widget with the token in the fragment, and name no address', () => {
    const url = links().url({ conversationId: conv, siteKey: 'demo-site', email: 'guest@example.com' });
    expect(url).toMatch(/^http:\/\/localhost:3000\/widget\?siteKey=demo-site#resume=[\w-]+\.[\w-]+$/);
    expect(url).not.toContain('guest');
    expect(Buffer.from(url.split('#resume=')[1]!.split('.')[0]!, 'base64url').toString()).not.toContain('example.com');
  });

  it('verify only genuine, unexpired tokens of the site, for the address they were mailed to', () => {
    const l = links();
    const token = l.token({ conversationId: conv, siteKey: 'demo-site', email: 'Guest@Example.com' });
    const ok = l.verify(token, { siteKey: 'demo-site' });
    expect(ok?.conversationId).toBe(conv);
    expect(ok?.matchesEmail('guest@example.com')).toBe(true);
    expect(ok?.matchesEmail('other@example.com')).toBe(false);
    expect(ok?.matchesEmail(null)).toBe(false);
    expect(l.verify(token, { siteKey: 'other-site' })).toBeNull();
    expect(l.verify(`${token}x`, { siteKey: 'demo-site' })).toBeNull();
    expect(l.verify('garbage', { siteKey: 'demo-site' })).toBeNull();
    expect(createResumeLinks({ secret: 'another-secret-0123456', widgetUrl: 'http://x' }).verify(token, { siteKey: 'demo-site' })).toBeNull();
    const later = links(() => 1_000_000_000_000 + 15 * 24 * 3600 * 1000);
    expect(later.verify(token, { siteKey: 'demo-site' })).toBeNull();
  });
});
