import type { SpecialistContext } from '../graph/types';

/**
 * The only customer whose data a turn may read: the verified session's customer, or one proven
 * earlier in this conversation by an email matching an order. Never an id derived from the text.
 */
export function customerScope(ctx: Pick<SpecialistContext, 'input' | 'memory'>): string | undefined {
  return ctx.input.verifiedCustomerId ?? ctx.memory.provenCustomerId;
}
