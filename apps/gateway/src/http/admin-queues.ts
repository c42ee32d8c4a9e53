import { Router } from 'express';
import helmet from 'helmet';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { requireConsole } from '../console/console-auth';
import type { GatewayDeps } from '../deps';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/**
 * bull-board for admins. Its page uses inline styles, so this path (only) allows them; everything
 * else keeps helmet's strict default. Its HTML also links IBM Plex from Google Fonts: the CSP
 * deliberately leaves that host out, so the browser never asks the internet for it (the admin's IP
 * and the fact they opened the board stay here; the page falls back to system fonts). Issue 15, #8.
 */
export function createAdminQueuesRouter(deps: Pick<GatewayDeps, 'db' | 'consoleTokens' | 'queue' | 'platformOrigins'>) {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(ADMIN_QUEUES_PATH);
  // @bull-board/express 9.10.1 pins @bull-board/api 9.10.1 while we use 9.10.2: same shape, separate declarations.
  const serverAdapter = adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({ queues: [new BullMQAdapter(deps.queue)], serverAdapter, options: { uiConfig: { boardTitle: 'ElectroMart queues' } } });
  const router = Router();
  router.use(
    ADMIN_QUEUES_PATH,
    helmet({
      contentSecurityPolicy: {
        directives: {
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
    requireConsole(deps, 'admin'),
    adapter.getRouter() as Router,
  );
  return router;
}
