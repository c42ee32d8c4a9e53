import type { Socket } from 'socket.io';
import type { GatewayDeps } from '../deps';
import { tokenFromRequest, type ConsoleClaims } from '../console/console-tokens';
import { currentConsoleUser } from '../console/console-sessions';

export type AgentSocketData = ConsoleClaims;

/**
 * /agents handshake: `auth.token` (API clients, tests) or the httpOnly `em_console` cookie the
 * console page sends with `withCredentials`. The user row is re-read so a deactivated account, a
 * revoked token (logout, password or role change) or a changed role takes effect at once; a
 * connected socket is re-checked on each event (agents/handlers.ts) and cut when revoked.
 */
export async function authenticateAgent(deps: Pick<GatewayDeps, 'db' | 'consoleTokens'>, socket: Socket): Promise<AgentSocketData | null> {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  const token = typeof auth?.token === 'string' && auth.token ? auth.token : tokenFromRequest(socket.request.headers);
  if (!token || token.length > 4096) return null;
  const claims = await deps.consoleTokens.verify(token);
  if (!claims) return null;
  const user = await currentConsoleUser(deps.db, claims);
  if (!user) return null;
  return { userId: user.id, role: user.role, name: user.name, tokenVersion: user.tokenVersion };
}
