import type { Namespace, Server } from 'socket.io';
import { AppError, type ErrorBody } from '@em/contracts/errors';
import type { ChatClientToServerEvents, ChatServerToClientEvents, ChatSocketData } from '@em/contracts/events';
import { conversationRoom } from '@em/contracts/events';
import { getConversation, listMessages } from '@em/db/queries/conversations';
import { siteOpenState } from '@em/conversations/hours';
import type { GatewayCore, GatewayDeps } from '../deps';
import { authenticateChat, UnauthorizedError } from './auth';
import { createSocketClientIp } from './client-ip';
import { registerChatHandlers, type ChatSocket } from './handlers';

export type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

/** connect_error carries DESIGN's { code, message } in err.data; the message is the code. */
function refusal(data: ErrorBody) {
  return Object.assign(new Error(data.code), { data });
}

/**
 * The customer namespace (DESIGN §3 /chat), typed by its own event maps. `serve` wires the handshake
 * and handlers once the conversation core exists (gateway.ts builds the core from the namespaces).
 */
export function registerChatNamespace(io: Server) {
  const nsp = io.of('/chat') as ChatNamespace;
  return { nsp, serve: (deps: GatewayDeps, core: GatewayCore) => serveChat(nsp, deps, core) };
}

function serveChat(nsp: ChatNamespace, deps: GatewayDeps, core: GatewayCore) {
  const clientIp = createSocketClientIp(deps.trustProxy);
  nsp.use(async (socket, next) => {
    try {
      // Cheapest refusal first: a connection flood never reaches Postgres.
      await deps.limits.take('connection_ip', clientIp(socket));
      const s = await authenticateChat(deps, socket);
      socket.data = { conversationId: s.conversation.id, customerId: s.customerId, verified: s.verified, siteKey: s.conversation.siteKey };
      next();
    } catch (err) {
      if (err instanceof AppError) {
        deps.metrics.connectionsRefused.inc({ code: err.code });
        return next(refusal({ code: err.code, message: err.message }));
      }
      if (err instanceof UnauthorizedError) {
        deps.metrics.connectionsRefused.inc({ code: 'unauthorized' });
        deps.logger.info({ reason: err.message }, 'chat connection refused');
        return next(refusal(err.data));
      }
      deps.metrics.connectionsRefused.inc({ code: 'internal' });
      deps.logger.error({ err }, 'chat handshake failed');
      next(refusal({ code: 'internal', message: 'Please try again.' }));
    }
  });

  nsp.on('connection', async (socket: ChatSocket) => {
    const { conversationId, customerId, verified, siteKey } = socket.data;
    deps.metrics.connections.inc();
    socket.once('disconnect', (reason) => {
      deps.metrics.connections.dec();
      deps.metrics.disconnects.inc({ reason });
    });
    registerChatHandlers(deps, core, socket);
    await socket.join(conversationRoom(conversationId));
    try {
      // Re-signed on every connect: the 24 h expiry slides while the customer keeps coming back.
      const [sessionToken, messages, conv, site] = await Promise.all([
        deps.sessions.sign({ conversationId, siteKey, customerId, verified }),
        listMessages(deps.db, conversationId),
        getConversation(deps.db, conversationId),
        // SITES_JSON with the admin page's saved fields over it: a saved brand applies to the next connect.
        deps.siteSettings.get(siteKey),
      ]);
      const branding = Object.keys(site.branding).length ? site.branding : undefined;
      // Only a site with business hours says whether people are in; the others are always open.
      const hours = site.hours.businessHours ? siteOpenState(site.hours, deps.now?.() ?? new Date()) : undefined;
      socket.emit('session:ready', {
        sessionToken,
        conversationId,
        status: conv?.status ?? 'bot',
        verified,
        messages,
        ...(branding ? { site: branding } : {}),
        // The chat asked for an email (a ticket while nobody can answer) and none was given yet: the widget shows its form.
        ...(conv?.emailRequestedAt && !conv.contactEmail ? { emailRequested: true } : {}),
        ...(hours ? { hours } : {}),
      });
    } catch (err) {
      deps.logger.error({ err }, 'session:ready failed');
      socket.disconnect(true);
    }
  });
}
