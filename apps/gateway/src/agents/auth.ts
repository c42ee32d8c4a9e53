import type { Socket } from 'socket.io';
import { getConsoleUser } from '@em/db/queries/users';
import type { GatewayDeps } from '../deps';
import { tokenFromRequest, type ConsoleClaims } from '../console/console-tokens';

export type AgentSocketData = ConsoleClaims;

/**
 * /agents handshake: `auth.token` (API clients, tests) or the httpOnly `em_console` cookie the
 * console page sends with `withCredentials`. The user row is re-read so a deactivated account,
 * or a role changed since the token was signed, takes effect at the next connection.
 */
export async function authenticateAgent(deps: Pick<GatewayDeps, 'db' | 'consoleTokens'>, socket: Socket): Promise<AgentSocketData | null> {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  const token = typeof auth?.token === 'string' && auth.token ? auth.token : tokenFromRequest(socket.request.headers);
  if (!token || token.length > 4096) return null;
  const claims = await deps.consoleTokens.verify(token);
  if (!claims) return null;
  const user = await getConsoleUser(deps.db, claims.userId);
  if (!user?.active) return null;
  return { userId: user.id, role: user.role, name: user.name };
}
