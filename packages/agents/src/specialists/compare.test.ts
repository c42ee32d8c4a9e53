import { describe, expect, it } from 'vitest';
import { compareProducts, specDifferences } from './compare';
import type { ProductWithAttrs } from '../tools/catalog';

const product = (name: string, rating: number, specs: Record<string, string>, ramGb: number) =>
  ({ sku: name, name, rating, priceCents: 10000, stock: 5, specs, attrs: { ramGb }, description: '', category: 'phones', kind: 'phone' }) as unknown as ProductWithAttrs;

const a = product('Alpha', 4.5, { ram: '8 GB', screen: '6.3"', colour: 'black' }, 8);
const b = product('Beta', 4.6, { ram: '12 GB', screen: '6.3"', battery: '5,000 mAh' }, 12);

describe('specDifferences', () => {
  it('lists the specs both state and differ on, side by side, nothing they share or only one states', () => {
    expect(specDifferences([a, b])).toEqual(['• ram: Alpha 8 GB; Beta 12 GB']);
  });
});

describe('compareProducts without an aspect', () => {
  it('says which is rated higher, then where they differ', () => {
    const out = compareProducts([a, b], "what's the difference between them?")!;
    expect(out.winner.name).toBe('Beta');
    expect(out.text).toContain('Where they differ:\n• ram: Alpha 8 GB; Beta 12 GB');
  });

  it('at the same main camera sensor, the phone with more and bigger other rear lenses has the better camera', () => {
    const x5 = { ...a, name: 'X5', specs: { camera: '50 MP main + 12 MP ultrawide, 12 MP selfie' }, attrs: { cameraMp: 50, rearCameraMp: 62 } } as ProductWithAttrs;
    const k9 = { ...b, name: 'K9', specs: { camera: '50 MP main + 48 MP ultrawide + 12 MP 3x telephoto' }, attrs: { cameraMp: 50, rearCameraMp: 110 } } as ProductWithAttrs;
    const out = compareProducts([x5, k9], 'which one has the better camera?')!;
    expect(out.winner.name).toBe('K9');
    expect(out.text).toMatch(/^For the camera, the K9 is the better pick/);
    // A bigger main sensor still wins over extra lenses.
    const big = { ...a, name: 'Big', specs: { camera: '108 MP main' }, attrs: { cameraMp: 108, rearCameraMp: 108 } } as ProductWithAttrs;
    expect(compareProducts([k9, big], 'better camera?')!.winner.name).toBe('Big');
  });

  it('keeps to the asked aspect when there is one', () => {
    expect(compareProducts([a, b], 'which has more memory?')!.text).not.toContain('Where they differ');
  });
});
