import type { Socket } from 'socket.io';
import { ChatAuth } from '@em/contracts/schemas';
import { createConversation, getConversation } from '@em/db/queries/conversations';
import { customers } from '@em/db/schema';
import { verifyIdentityHash } from '../identity';
import { originAllowed } from '../sites';
import type { GatewayDeps } from '../deps';
import { resumeFromLink } from './resume';

export class UnauthorizedError extends Error {
  readonly data = { code: 'unauthorized' as const, message: 'Session could not be verified.' };
  constructor(reason: string) {
    super(reason);
  }
}

async function upsertCustomer(deps: GatewayDeps, email: string, name?: string) {
  const [row] = await deps.db
    .insert(customers)
    .values({ email, name: name ?? email.split('@')[0]! })
    .onConflictDoUpdate({ target: customers.email, set: { email } })
    .returning({ id: customers.id });
  return row!.id;
}

/**
 * Handshake: site key → identity (HMAC, constant time) → session token (resume) or a new
 * conversation. Anything that fails is refused with connect_error code `unauthorized`.
 */
export async function authenticateChat(deps: GatewayDeps, socket: Socket) {
  const parsed = ChatAuth.safeParse(socket.handshake.auth);
  if (!parsed.success) throw new UnauthorizedError('malformed auth');
  const { siteKey, sessionToken, identity, embedOrigin, resumeToken } = parsed.data;
  const site = deps.sites.find((s) => s.siteKey === siteKey);
  if (!site) throw new UnauthorizedError('unknown site key');
  if (!originAllowed(site, deps.platformOrigins, socket.handshake.headers.origin, embedOrigin)) throw new UnauthorizedError('origin not allowed for site');
  let customerId: string | undefined;
  if (identity) {
    if (!verifyIdentityHash(identity.email, identity.hash, site.identitySecret)) throw new UnauthorizedError('bad identity hash');
    customerId = await upsertCustomer(deps, identity.email, identity.name);
  }
  if (resumeToken) {
    // A link back from a follow-up mail (resume.ts) wins over a stored session: it names the conversation meant.
    const resumed = await resumeFromLink(deps, siteKey, resumeToken, customerId);
    if (!resumed) throw new UnauthorizedError('bad resume link');
    return resumed;
  }
  if (sessionToken) {
    const claims = await deps.sessions.verify(sessionToken);
    if (!claims || claims.siteKey !== siteKey) throw new UnauthorizedError('bad session token');
    // A token resumes its conversation unless a different verified customer is now signed in.
    if (!customerId || claims.customerId === customerId) {
      const conv = await getConversation(deps.db, claims.conversationId);
      if (conv) {
        const cid = customerId ?? (claims.verified ? claims.customerId : undefined);
        return { conversation: conv, customerId: cid, verified: !!cid };
      }
    }
  }
  const conversation = await createConversation(deps.db, { siteKey, customerId: customerId ?? null });
  return { conversation, customerId, verified: !!customerId };
}
