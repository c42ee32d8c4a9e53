import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { hashPassword } from '../password';
import { cannedResponses, consoleUsers, customers, orderItems, orders, products, promotions, supportTickets } from '../schema/index';
import { CONSOLE_USERS, CUSTOMERS, TICKET_FIXTURES, orderFixtures, promotionFixtures } from './fixtures';
import { PRODUCTS } from './products-data';
import { DEFAULT_CANNED } from '../queries/canned';
import { syncCatalogSearch } from './catalog-search-seed';

/** Idempotent: safe to run at every start; existing rows (and changed passwords) are kept. */
export async function seed(db: Db, now = new Date()): Promise<{ products: number; created: boolean }> {
  // Starter canned responses for the console; kept idempotent on their own (shortcut is unique), so an
  // already-seeded database gets them too and an admin's edits are never overwritten.
  await db.insert(cannedResponses).values(DEFAULT_CANNED).onConflictDoNothing();
  const already = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.orderNumber, 'EM-10001'));
  if ((already[0]?.n ?? 0) > 0) {
    // Catalog search data is derived from the product rows: refreshed on already-seeded databases too.
    await syncCatalogSearch(db);
    return { products: PRODUCTS.length, created: false };
  }

  await db.transaction(async (tx) => {
    await tx.insert(products).values(PRODUCTS.map((p) => ({ ...p }))).onConflictDoNothing();
    await tx.insert(customers).values([...CUSTOMERS]).onConflictDoNothing();
    const users = await Promise.all(
      CONSOLE_USERS.map(async (u) => ({ email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) })),
    );
    await tx.insert(consoleUsers).values(users).onConflictDoNothing();
    await tx.insert(promotions).values(promotionFixtures(now)).onConflictDoNothing();

    const custRows = await tx.select().from(customers).where(inArray(customers.email, CUSTOMERS.map((c) => c.email)));
    const custId = new Map(custRows.map((c) => [c.email, c.id]));
    const fixtures = orderFixtures(now);
    const skus = fixtures.flatMap((o) => o.items.map((i) => i.sku));
    const prodRows = await tx.select().from(products).where(inArray(products.sku, skus));
    const prodBySku = new Map(prodRows.map((p) => [p.sku, p]));

    for (const o of fixtures) {
      const lines = o.items.map((i) => {
        const p = prodBySku.get(i.sku);
        if (!p) throw new Error(`seed: product ${i.sku} missing from the catalog`);
        return { productId: p.id, quantity: i.quantity, unitPriceCents: p.priceCents };
      });
      const totalCents = lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
      const [row] = await tx
        .insert(orders)
        .values({
          orderNumber: o.orderNumber,
          customerId: custId.get(o.email)!,
          status: o.status,
          totalCents,
          shippingMethod: o.shippingMethod,
          carrier: o.carrier,
          trackingNumber: o.trackingNumber,
          expectedDelivery: o.expectedDelivery,
          deliveredAt: o.deliveredAt,
          shippingAddress: o.shippingAddress,
          createdAt: o.createdAt,
        })
        .returning({ id: orders.id });
      await tx.insert(orderItems).values(lines.map((l) => ({ ...l, orderId: row!.id })));
    }
    await tx
      .insert(supportTickets)
      .values(TICKET_FIXTURES.map((t) => ({ ticketNumber: t.ticketNumber, customerId: custId.get(t.email)!, subject: t.subject, status: t.status, priority: t.priority })))
      .onConflictDoNothing();
  });
  await syncCatalogSearch(db);
  return { products: PRODUCTS.length, created: true };
}
