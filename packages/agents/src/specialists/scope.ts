import type { SpecialistContext } from '../graph/types';
import type { ToolScope } from '../tools/types';

/**
 * The only data a turn may read: the verified session's customer, or orders a guest proved in
 * this conversation (each order by itself). Never an id derived from the text.
 */
export function toolScope(ctx: Pick<SpecialistContext, 'input' | 'memory'>): ToolScope {
  return {
    ...(ctx.input.verifiedCustomerId ? { customerId: ctx.input.verifiedCustomerId } : {}),
    provenOrders: ctx.memory.provenOrders ?? [],
    ...(ctx.input.conversationId ? { conversationId: ctx.input.conversationId } : {}),
    ...(ctx.memory.provenEmail ? { guestEmail: ctx.memory.provenEmail } : {}),
  };
}

/** The verified customer, if any (account-wide reads: order lists, tickets). */
export const customerScope = (ctx: Pick<SpecialistContext, 'input' | 'memory'>) => ctx.input.verifiedCustomerId;
