const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Prices are integer cents in the DB; format only at the edge. */
export const formatPrice = (cents: number) => usd.format(cents / 100);

/** At or below this many units the storefront says "Only N left". */
export const LOW_STOCK = 5;

export type StockState = { label: string; tone: 'success' | 'warning' | 'error' };

export function stockState(stock: number): StockState {
  if (stock <= 0) return { label: 'Out of stock', tone: 'error' };
  if (stock <= LOW_STOCK) return { label: `Only ${stock} left`, tone: 'warning' };
  return { label: 'In stock', tone: 'success' };
}

const CATEGORY_LABELS: Record<string, string> = { tvs: 'TVs', 'smart-home': 'Smart home' };

export const categoryLabel = (category: string) =>
  CATEGORY_LABELS[category] ?? category.charAt(0).toUpperCase() + category.slice(1).replace(/-/g, ' ');
