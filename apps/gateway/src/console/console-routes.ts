import { Router } from 'express';
import type { GatewayDeps } from '../deps';
import { createConsoleAdminRouter } from './admin-routes';
import { createConversationsRouter } from './conversations-routes';
import { createMailRouter } from './mail-routes';
import { createSitesRouter } from './sites-routes';
import './openapi-console';

/** Everything the agent console needs over REST, mounted at /api. */
export function createConsoleRouter(deps: GatewayDeps): Router {
  const router = Router();
  router.use(createConversationsRouter(deps));
  router.use(createMailRouter(deps));
  router.use(createConsoleAdminRouter(deps));
  router.use(createSitesRouter(deps));
  return router;
}
