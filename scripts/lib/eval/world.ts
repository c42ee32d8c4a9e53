// What expectations are checked against: a read of the shop's database (orders with their items,
// customers, catalog, promotions), the KB fact table and the fixed system prompts. Read once per
// run; tickets are looked up live because cases open them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sql } from 'postgres';
import { normalize } from './match';

export interface OrderFacts {
  orderNumber: string;
  email: string;
  status: string;
  trackingNumber: string | null;
  expectedDelivery: string | null;
  deliveredAt: string | null;
  totalCents: number;
  carrier: string | null;
  address: string;
  items: string[];
}

export interface ProductFacts {
  name: string;
  brand: string;
  category: string;
  priceCents: number;
  stock: number;
  description: string;
  specs: Record<string, string>;
}

export interface PromoFacts {
  code: string;
  percent: number;
  valid: boolean;
}

export interface World {
  orders: Map<string, OrderFacts>;
  customers: Map<string, { email: string; name: string }>;
  products: ProductFacts[];
  promos: Map<string, PromoFacts>;
  /** 8-word shingles of the system prompts; a reply containing one quotes its instructions. */
  promptShingles: Set<string>;
  ticketExists(ticketNumber: string): Promise<boolean>;
}

const SHINGLE = 8;

export const words = (text: string) => normalize(text).replace(/[^a-z0-9' ]+/g, ' ').split(' ').filter(Boolean);

export function shingles(text: string, n = SHINGLE): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

/** String and template literals of the agents' prompt files (any *prompt*.ts under src), placeholders removed. */
export function loadPromptShingles(agentsSrc: string): Set<string> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/prompt/i.test(e.name) && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(agentsSrc);
  const set = new Set<string>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g)) {
      const lit = m[0].slice(1, -1).replace(/\$\{[^}]*\}/g, ' ').replace(/\{\w+\}/g, ' ');
      for (const s of shingles(lit)) set.add(s);
    }
  }
  return set;
}

const isoDayOf = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

// Plain SQL over the postgres.js handle: the eval reads a handful of tables and needs no ORM.
export async function loadWorld(sql: Sql, opts: { agentsSrc: string; now?: Date }): Promise<World> {
  const now = opts.now ?? new Date();
  const [orderRows, itemRows, customerRows, productRows, promoRows] = await Promise.all([
    sql`select o.order_number, c.email, o.status, o.tracking_number, o.expected_delivery::text as expected_delivery,
               to_char(o.delivered_at at time zone 'UTC', 'YYYY-MM-DD') as delivered_at, o.total_cents, o.carrier, o.shipping_address
        from orders o join customers c on c.id = o.customer_id`,
    sql`select o.order_number, p.name from order_items i join orders o on o.id = i.order_id join products p on p.id = i.product_id`,
    sql`select email, name from customers`,
    sql`select name, brand, category, price_cents, stock, description, specs from products`,
    // Validity as of `now`, decided by Postgres (timestamps may come back as text through the driver patch).
    sql`select code, discount_percent, (active and starts_at <= ${now.toISOString()}::timestamptz and (ends_at is null or ends_at > ${now.toISOString()}::timestamptz)) as valid from promotions`,
  ]);
  return {
    orders: new Map(
      orderRows.map((o) => [
        o.order_number as string,
        {
          orderNumber: o.order_number,
          email: o.email,
          status: o.status,
          trackingNumber: o.tracking_number,
          expectedDelivery: isoDayOf(o.expected_delivery),
          deliveredAt: isoDayOf(o.delivered_at),
          totalCents: o.total_cents,
          carrier: o.carrier,
          address: o.shipping_address,
          items: itemRows.filter((i) => i.order_number === o.order_number).map((i) => i.name as string),
        },
      ]),
    ),
    customers: new Map(customerRows.map((c) => [c.email as string, { email: c.email, name: c.name }])),
    products: productRows.map((p) => ({ name: p.name, brand: p.brand, category: p.category, priceCents: p.price_cents, stock: p.stock, description: p.description, specs: p.specs })),
    promos: new Map(
      promoRows.map((p) => [
        p.code as string,
        { code: p.code, percent: p.discount_percent, valid: p.valid === true },
      ]),
    ),
    promptShingles: loadPromptShingles(opts.agentsSrc),
    async ticketExists(ticketNumber) {
      const rows = await sql`select 1 from support_tickets where ticket_number = ${ticketNumber.toUpperCase()}`;
      return rows.length > 0;
    },
  };
}
