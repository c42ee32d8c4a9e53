// Shared helpers of the conversation scenarios.
import { expect } from 'vitest';
import type { Product } from '@em/db/queries/catalog';
import type { GraphSuite } from './graph-suite';

export const ALICE = 'alice@example.com';
export const TRACKING = '1Z999AA10123456784';
export const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** Anything that would reveal Bob's order EM-10003 (delivered) to someone else. */
export const expectNothingAboutBobsOrder = (text: string) => {
  expect(text).not.toMatch(/delivered|Bob|bob@example\.com/i);
  expect(text).not.toMatch(/Order EM-10003 \(/);
};

/** The seeded catalog row the assertions compare against. */
export function productOf(suite: () => GraphSuite, name: string): Product {
  const p = suite().catalog.find((x) => x.name === name);
  if (!p) throw new Error(`catalog has no ${name}`);
  return p;
}
