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

  it('keeps to the asked aspect when there is one', () => {
    expect(compareProducts([a, b], 'which has more memory?')!.text).not.toContain('Where they differ');
  });
});
