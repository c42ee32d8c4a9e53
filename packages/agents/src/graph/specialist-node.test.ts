import { describe, expect, it } from 'vitest';
import { extractEntities } from '../nlu/entities';
import { mergeAnalysis, nextForEntities } from './specialist-node';
import { summarizeUsage } from './create-graph';

const catalog = [
  { sku: 'EM-PHN-001', name: 'Nimbus X5', brand: 'Nimbus' },
  { sku: 'EM-PHN-002', name: 'Kestrel K9 Pro', brand: 'Kestrel' },
];

describe('P1 merge of network-model hints', () => {
  it('adds catalog-matched names, a category and a price range, never identifiers', () => {
    const e = extractEntities('and the other one?', catalog);
    const m = mergeAnalysis(e, { productNames: ['Kestrel K9 Pro', 'EM-10003'], category: 'phones', minPriceUsd: null, maxPriceUsd: 900 }, catalog);
    expect(m.productSkus).toEqual(['EM-PHN-002']);
    expect(m).toMatchObject({ category: 'phones', maxPriceCents: 90000, orderNumbers: [] });
  });
});

describe('cross-domain handoff choice', () => {
  it('sends an order status question met by sales to logistics, once', () => {
    const e = extractEntities('How much is the Nimbus X5 and where is EM-10001?', catalog);
    expect(nextForEntities('sales', e, 'How much is the Nimbus X5 and where is EM-10001?', new Set())?.to).toBe('logistics');
    expect(nextForEntities('sales', e, 'How much is the Nimbus X5 and where is EM-10001?', new Set(['logistics']))).toBeUndefined();
  });
  it('leaves a product named in a warranty question with support', () => {
    const text = 'my Nimbus X5 screen broke, is it under warranty?';
    expect(nextForEntities('support', extractEntities(text, catalog), text, new Set())).toBeUndefined();
  });
});

describe('usage summary', () => {
  it('sums tokens and cost of network calls and counts fallbacks', () => {
    expect(summarizeUsage([{ provider: 'offline' }])).toEqual({ provider: 'offline' });
    expect(
      summarizeUsage([
        { provider: 'openai', tokens: { prompt: 100, completion: 10 }, costUsd: 0.001 },
        { provider: 'offline', fellBack: true },
        { provider: 'openai', tokens: { prompt: 50, completion: 40 }, costUsd: 0.002 },
      ]),
    ).toEqual({ provider: 'openai', tokens: { prompt: 150, completion: 50 }, costUsd: 0.003, providerFallbacks: 1 });
  });
});
