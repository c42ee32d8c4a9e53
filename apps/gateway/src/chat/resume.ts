import { getConversation } from '@em/db/queries/conversations';
import { getFollowUpContact } from '@em/db/queries/mail';
import type { GatewayDeps } from '../deps';

/**
 * The /chat handshake with a link back from a follow-up mail (`auth.resumeToken`, issue 20; the
 * token is made and checked by @em/mail resume-link.ts). It resumes its conversation only while
 * the conversation still follows up with the address the link was mailed to, so a link mailed to
 * an address the customer later replaced stops working. The session is verified only when that
 * address is the verified customer's own (a guest-given address never unlocks a customer's orders).
 * Null: not a usable link (the caller refuses the connection).
 */
export async function resumeFromLink(deps: GatewayDeps, siteKey: string, token: string, signedInCustomerId?: string) {
  const claims = deps.mail?.links.verify(token, { siteKey });
  if (!claims) return null;
  const [conversation, contact] = await Promise.all([getConversation(deps.db, claims.conversationId), getFollowUpContact(deps.db, claims.conversationId)]);
  if (!conversation || !contact || !claims.matchesEmail(contact.contactEmail)) return null;
  const ownAddress = !!contact.customerEmail && contact.customerEmail.toLowerCase() === contact.contactEmail?.toLowerCase();
  const customerId = contact.customerId && ownAddress ? contact.customerId : undefined;
  // Signed in as someone else on this site: not their conversation to reopen.
  if (signedInCustomerId && signedInCustomerId !== contact.customerId) return null;
  return { conversation, customerId, verified: !!customerId };
}
