import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { answerFromKb, kbOwner } from './compose';
import { saysNothingYet } from '../nlu/vague';

const GREETING = /^\s*(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening)|greetings|yo)\b/i;
const THANKS = /\b(thanks|thank you|thx|cheers|appreciate)\b/i;
const ACK = /^\s*(ok(ay)?|k|cool|great|got it|alright|all right|perfect|nice|sure|fine|understood|i see)[\s.!]*$/i;
const BYE = /\b(bye|goodbye|see you|that's all|that is all)\b/i;
const ARE_YOU_A_BOT = /\b(are|r) (you|u) (a |an )?(bot|robot|ai|machine|computer|real( person| human)?|human|person)\b|\bam i (talking|chatting|speaking) (to|with) (a |an )?(bot|robot|ai|machine|real person|human|person)\b/i;
const CAPABILITIES = 'I can help you find products and compare prices, check promotions, track orders and delivery, and answer questions about returns, warranty and your account.';


export async function generalAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { input, deps } = ctx;
  const name = input.customerName ? `, ${input.customerName.split(' ')[0]}` : '';
  if (GREETING.test(input.text) && input.text.length < 40) {
    return { draft: `Hello${name}! I'm the ElectroMart assistant. ${CAPABILITIES} What can I do for you?` };
  }
  // "ok thanks bye" is a goodbye: checked before the thanks it also contains.
  if (BYE.test(input.text) && input.text.length < 40) return { draft: `Thanks for chatting with ElectroMart${name}. Have a great day!` };
  if (THANKS.test(input.text) && input.text.length < 60) return { draft: `You're welcome${name}! Is there anything else I can help with?` };
  // Customers have a right to know they are talking to software, and how to reach a person.
  if (ARE_YOU_A_BOT.test(input.text)) {
    return { draft: `Yes — I'm ElectroMart's AI assistant. ${CAPABILITIES} If you'd rather talk to a person, just say so and I'll bring in our support team.` };
  }
  if (ACK.test(input.text)) return { draft: 'Great! Is there anything else I can help you with?' };
  if (saysNothingYet(input.text)) return { draft: `Of course — what do you need help with? ${CAPABILITIES}` };
  // P1: a product, a category or a budget is a shopping question the router under-called.
  const { entities } = ctx;
  if (entities.productSkus.length || entities.category || entities.maxPriceCents !== undefined) {
    return { draft: '', handoffTo: 'sales', handoffReason: 'product question' };
  }
  const kb = answerFromKb(deps.kb, input.text, 2.5);
  // A strong hit in an article a specialist owns means the router under-called the domain:
  // let that specialist answer (it has the tools, e.g. order lookups, around the same article).
  const owner = kbOwner(kb);
  if (owner) return { draft: '', handoffTo: owner, handoffReason: `${owner} article` };
  if (kb) return { draft: kb.text, sources: kb.sources };
  return { draft: `I'm afraid that's outside what I can help with here. ${CAPABILITIES}` };
}
