import { describe, expect, it } from 'vitest';
import { createRouter, loadRouterModel } from './router';

const router = createRouter(loadRouterModel());

describe('offline intent router (trained on Bitext + ElectroMart utterances)', () => {
  it.each([
    ['What is your return policy?', 'support'],
    ['how much is the Nimbus X5?', 'sales'],
    ['is the promo code WELCOME10 still valid', 'marketing'],
    ['where is my order EM-10001', 'logistics'],
    ['let me talk to a real person', 'human'],
    ['what are your store hours?', 'general'],
  ])('routes %j to %s with confidence', (text, domain) => {
    const r = router.route(text);
    expect(r.domain).toBe(domain);
    expect(r.confidence).toBeGreaterThan(0.6);
  });

  it('reports zero confidence when no word is known', () => {
    expect(router.route('zzqx vvbn').confidence).toBe(0);
  });
});
