/** The contract fixtures of DESIGN §6. Tests and docs depend on these exact values. */
export const DEMO_SITE_KEY = 'demo-site';

export const CONSOLE_USERS = [
  { email: 'admin@electromart.test', name: 'Morgan Admin', role: 'admin', password: 'admin-password' },
  { email: 'agent@electromart.test', name: 'Sam Rivera', role: 'agent', password: 'agent-password' },
] as const;

export const CUSTOMERS = [
  { email: 'alice@example.com', name: 'Alice Martin' },
  { email: 'bob@example.com', name: 'Bob Chen' },
] as const;

const DAY_MS = 86_400_000;
const isoDate = (offsetDays: number, now: Date) => new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

export function orderFixtures(now: Date) {
  return [
    {
      orderNumber: 'EM-10001',
      email: 'alice@example.com',
      status: 'shipped',
      shippingMethod: 'standard',
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      expectedDelivery: isoDate(3, now),
      deliveredAt: null,
      createdAt: new Date(now.getTime() - 2 * DAY_MS),
      shippingAddress: '12 Rue des Lilas, Springfield, IL 62701',
      items: [
        { sku: 'EM-LAP-001', quantity: 1 },
        { sku: 'EM-ACC-001', quantity: 1 },
      ],
    },
    {
      orderNumber: 'EM-10002',
      email: 'alice@example.com',
      status: 'processing',
      shippingMethod: 'express',
      carrier: null,
      trackingNumber: null,
      expectedDelivery: isoDate(2, now),
      deliveredAt: null,
      createdAt: new Date(now.getTime() - 0.5 * DAY_MS),
      shippingAddress: '12 Rue des Lilas, Springfield, IL 62701',
      items: [{ sku: 'EM-AUD-001', quantity: 1 }],
    },
    {
      orderNumber: 'EM-10003',
      email: 'bob@example.com',
      status: 'delivered',
      shippingMethod: 'standard',
      carrier: 'FedEx',
      trackingNumber: '794644790132',
      expectedDelivery: isoDate(-6, now),
      deliveredAt: new Date(now.getTime() - 6 * DAY_MS),
      createdAt: new Date(now.getTime() - 10 * DAY_MS),
      shippingAddress: '88 Harbor Street, Portland, OR 97201',
      items: [{ sku: 'EM-PHN-001', quantity: 1 }],
    },
  ];
}

export function promotionFixtures(now: Date) {
  const year = now.getUTCFullYear();
  return [
    {
      code: 'WELCOME10',
      description: '10% off your first order',
      discountPercent: 10,
      active: true,
      startsAt: new Date(Date.UTC(year - 1, 0, 1)),
      endsAt: null,
      conditions: 'Valid on a first order only, one use per customer.',
    },
    {
      code: 'SUMMER25',
      description: '25% off selected audio and smart-home products (summer sale)',
      discountPercent: 25,
      active: false,
      startsAt: new Date(Date.UTC(year - 1, 5, 1)),
      endsAt: new Date(Date.UTC(year - 1, 7, 31)),
      conditions: 'Summer sale; expired.',
    },
    {
      code: 'AUDIO15',
      description: '15% off headphones and speakers',
      discountPercent: 15,
      active: true,
      startsAt: new Date(Date.UTC(year - 1, 0, 1)),
      endsAt: null,
      conditions: 'Headphones and speakers only; cannot be combined with other codes.',
    },
  ];
}

export const TICKET_FIXTURES = [
  { ticketNumber: 'TK-1001', email: 'alice@example.com', subject: 'Laptop charger makes a buzzing noise', status: 'open', priority: 'normal' },
  { ticketNumber: 'TK-1002', email: 'bob@example.com', subject: 'Phone screen flickers after update', status: 'pending', priority: 'high' },
  { ticketNumber: 'TK-1003', email: 'alice@example.com', subject: 'Question about invoice for EM-10001', status: 'resolved', priority: 'low' },
] as const;
