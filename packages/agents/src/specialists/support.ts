import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { kbAnswerOrHandoff } from './compose';
import { isTroubleshooting, sameDevice } from './devices';
import { customerScope, toolScope } from './scope';
import { ticketOpen, ticketStatus } from '../tools/tickets';


const OPEN_TICKET = /\b(open|create|file|raise|submit|log|start)\b(?:\s+\w+){0,2}?\s+(ticket|complaint|case|support request)\b/i;

/**
 * Opens a ticket: on the account for a verified customer, on this conversation for a guest
 * (with the email the guest gave, if any). The subject is the problem the customer described.
 */
async function openTicket(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, memory } = ctx;
  const scope = toolScope(ctx);
  // "Please open a ticket" alone says nothing about the problem: use the customer's previous message.
  const own = input.text.replace(OPEN_TICKET, '').replace(/\b(please|can you|could you|i want to|i'd like to|a|an|for me)\b/gi, '').trim();
  const previous = [...input.history].reverse().find((h) => h.role === 'customer')?.text;
  const subject = own.split(/\s+/).filter(Boolean).length >= 4 ? input.text : previous ?? input.text;
  const urgent = /\b(urgent|asap|immediately|broken|not working|dead)\b/i.test(`${input.text} ${previous ?? ''}`);
  const row = await ticketOpen.run(deps, scope, { subject: subject.slice(0, 200).padEnd(3, '.'), priority: urgent ? 'high' : 'normal' });
  if (!row) return { draft: 'I can open a ticket once I know who you are: please sign in, or tell me your email address so the team can reply.' };
  const followUp = scope.customerId
    ? 'Our support team will reply by email, usually within one business day'
    : scope.guestEmail
      ? `Our support team will reply to ${scope.guestEmail}, usually within one business day`
      : 'Our support team will pick it up here, usually within one business day';
  return {
    draft: `I've opened ticket ${row.ticketNumber} for you ("${row.subject}", priority ${row.priority}). ${followUp}, and you can ask me about ${row.ticketNumber} here at any time.`,
    sources: [`ticket:${row.ticketNumber}`],
    memory: { lastTicketNumber: row.ticketNumber, failures: memory.failures },
  };
}

// The customer says the last answer did not solve it (not merely another question on the same article).
const DID_NOT_HELP = /\b(still|again|didn'?t (work|help|fix)|doesn'?t (work|help)|not working|same (problem|issue)|no luck|tried (that|it|this)|no change)\b/i;

export async function supportAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, entities } = ctx;
  // P1 analyse (safety and legal issues are escalated by the complaint signal, whichever agent answers).
  if (OPEN_TICKET.test(input.text)) return openTicket(ctx);
  const ticket = entities.ticketNumbers[0];
  if (ticket) {
    if (!customerScope(ctx)) {
      return { draft: `To look up ticket ${ticket}, please sign in to your ElectroMart account first: ticket details are only shared with the account holder.` };
    }
    const row = await ticketStatus.run(deps, toolScope(ctx), { ticketNumber: ticket });
    if (!row) return { draft: `I couldn't find ticket ${ticket} on your account. Please check the number.`, failed: true };
    return { draft: `Ticket ${row.ticketNumber} ("${row.subject}") is ${row.status}, priority ${row.priority}.`, sources: [`ticket:${row.ticketNumber}`] };
  }
  if (entities.orderNumbers.length && !/\b(return|refund|warrant|broken|defect)/i.test(input.text)) {
    return { draft: '', handoffTo: 'logistics', handoffReason: 'order question' };
  }
  // Tools: KB retrieval. P2: compose from the passage.
  // A short follow-up ("still not working") is about the problem described just before.
  const previous = [...input.history].reverse().find((h) => h.role === 'customer')?.text;
  const query = previous && input.text.split(/\s+/).length <= 4 ? `${previous} ${input.text}` : input.text;
  const accept = sameDevice(query);
  const kb = kbAnswerOrHandoff(deps.kb, query, 'support', ctx.memory.lastTopic, accept);
  if (!kb) {
    // Articles exist for this kind of problem, but not for this device: say so rather than answer
    // with another device's steps.
    if (accept && deps.kb.search(query, 1).some(isTroubleshooting)) {
      return {
        draft:
          "I'm sorry about that. I don't have a troubleshooting guide for that device in our help articles. I can open a support ticket for you, or connect you with a member of our team — just say which.",
        failed: true,
      };
    }
    return {
      draft:
        'I could not find that in our help articles. I can help with returns (within 30 days), refunds, warranty, troubleshooting and tickets — could you tell me a little more?',
      failed: true,
    };
  }
  // The same article again means it did not help: offer the next step, and count it as a miss
  // (a second one hands over to a person, DESIGN §5).
  const lastBot = [...input.history].reverse().find((h) => h.role === 'bot')?.text ?? '';
  if (kb.draft && lastBot.includes(kb.draft) && DID_NOT_HELP.test(input.text)) {
    return { ...kb, draft: "I'm sorry that didn't fix it. I can open a support ticket for you, or connect you with a member of our team — just say which.", failed: true };
  }
  return kb;
}
