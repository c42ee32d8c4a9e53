import { getTicketForCustomer } from '@em/db/queries/tickets';
import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { answerFromKb } from './compose';
import { customerScope } from './scope';
import { LEGAL_OR_SAFETY } from '../graph/escalation';


export async function supportAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, entities } = ctx;
  // P1 analyse: safety/legal issues always go to a person; order questions belong to logistics.
  if (LEGAL_OR_SAFETY.test(input.text)) {
    return {
      draft: 'This needs a member of our team, so I am bringing one in now.',
      escalation: { reason: 'policy', detail: 'legal or safety issue' },
    };
  }
  const ticket = entities.ticketNumbers[0];
  if (ticket) {
    const scope = customerScope(ctx);
    if (!scope) {
      return { draft: `To look up ticket ${ticket}, please sign in or tell me the email address on your account.` };
    }
    const row = await getTicketForCustomer(deps.db, scope, ticket);
    if (!row) return { draft: `I couldn't find ticket ${ticket} on your account. Please check the number.`, failed: true };
    return { draft: `Ticket ${row.ticketNumber} ("${row.subject}") is ${row.status}, priority ${row.priority}.`, sources: [`ticket:${row.ticketNumber}`] };
  }
  if (entities.orderNumbers.length && !/\b(return|refund|warrant|broken|defect)/i.test(input.text)) {
    return { draft: '', handoffTo: 'logistics', handoffReason: 'order question' };
  }
  // Tools: KB retrieval. P2: compose from the passage.
  const kb = answerFromKb(deps.kb, input.text);
  if (!kb) {
    return {
      draft:
        'I could not find that in our help articles. I can help with returns (within 30 days), refunds, warranty, troubleshooting and tickets — could you tell me a little more?',
      failed: true,
    };
  }
  return { draft: kb.text, sources: kb.sources };
}
