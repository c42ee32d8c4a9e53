import type { WebEnv } from '../env';

/** The storefront's "Signed in as" switch: the seeded customers (DESIGN §6) plus a guest. */
export const DEMO_USERS = {
  alice: { email: 'alice@example.com', name: 'Alice Martin', label: 'Alice' },
  bob: { email: 'bob@example.com', name: 'Bob Chen', label: 'Bob' },
  guest: null,
} as const;

export type DemoUserKey = keyof typeof DEMO_USERS;

/**
 * The switch signs a customer's identity for whoever asks, so it exists in development only: in
 * production (NODE_ENV=production) every visitor is a guest and no identity is signed (issue 15,
 * finding 1). A real shop signs the identity of the customer its own login verified.
 */
export const demoSwitchEnabled = (e: Pick<WebEnv, 'NODE_ENV'>) => e.NODE_ENV !== 'production';

export function parseDemoUser(value: string | string[] | undefined, e: Pick<WebEnv, 'NODE_ENV'>): DemoUserKey {
  if (!demoSwitchEnabled(e)) return 'guest';
  const v = Array.isArray(value) ? value[0] : value;
  return v === 'alice' || v === 'bob' ? v : 'guest';
}
