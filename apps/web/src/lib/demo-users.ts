/** The storefront's "Signed in as" switch: the seeded customers (DESIGN §6) plus a guest. */
export const DEMO_USERS = {
  alice: { email: 'alice@example.com', name: 'Alice Martin', label: 'Alice' },
  bob: { email: 'bob@example.com', name: 'Bob Chen', label: 'Bob' },
  guest: null,
} as const;

export type DemoUserKey = keyof typeof DEMO_USERS;

export function parseDemoUser(value: string | string[] | undefined): DemoUserKey {
  const v = Array.isArray(value) ? value[0] : value;
  return v === 'alice' || v === 'bob' ? v : 'guest';
}
