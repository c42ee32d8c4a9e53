import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import cors from 'cors';
import { z } from 'zod';
import { AppError, HTTP_STATUS, toErrorBody } from '@em/contracts/errors';
import { getAttachmentRow } from '@em/db/queries/attachments';
import { lockConversation, getConversation } from '@em/db/queries/conversations';
import { transitionFor } from '@em/conversations/machine';
import type { GatewayDeps } from '../deps';
import { currentConsoleUser } from '../console/console-sessions';
import { tokenFromRequest } from '../console/console-tokens';
import { consoleOriginAllowed } from '../http/origin-check';
import { acceptUpload } from './accept-upload';
import { readUpload } from './multipart';
import { contentDisposition } from './sniff';
import type { BlobStorage } from './storage';
import './openapi-attachments';

export type AttachmentRouteDeps = Pick<GatewayDeps, 'db' | 'sessions' | 'consoleTokens' | 'limits' | 'logger' | 'platformOrigins' | 'sites'> & {
  storage: BlobStorage;
};

const IdParams = z.object({ id: z.string().uuid() });
const bearer = (req: Request) => {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : null;
};

/** DESIGN §10's envelope on these routes: `{ ok: true, data }` or `{ ok: false, error: { code, message } }` with the code's status. */
function handle(fn: (req: Request, res: Response) => Promise<unknown>): RequestHandler {
  return (req, res) => {
    fn(req, res).then(
      (data) => {
        if (data !== undefined) res.json({ ok: true, data });
      },
      (err: unknown) => refuse(req, res, err),
    );
  };
}

function refuse(req: Request, res: Response, err: unknown) {
  const error = toErrorBody(err);
  if (error.code === 'internal') req.log.error({ err }, 'attachment request failed');
  const retryMs = err instanceof AppError ? (err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs : undefined;
  if (retryMs) res.setHeader('Retry-After', String(Math.ceil(retryMs / 1000)));
  // Refused before the body was read (auth, limits): the rest of the upload is not wanted.
  if (!req.complete) res.setHeader('Connection', 'close');
  res.status(HTTP_STATUS[error.code]).json({ ok: false, error });
}

/**
 * /chat/attachments: the widget's uploads (session token) and everyone's downloads. Browsers reach
 * it from the platform's own origin (the widget iframe, the console: credentialed CORS, so the
 * console's cookie works) and from shop origins (a custom widget with its session token, no cookie).
 */
export function createAttachmentsRouter(deps: AttachmentRouteDeps): Router {
  const router = Router();
  const shop = (o: string) => deps.sites.some((s) => s.allowedOrigins.includes(o));
  router.use(
    cors((req, cb) => {
      const origin = req.headers.origin;
      if (origin && deps.platformOrigins.includes(origin)) return cb(null, { origin: true, credentials: true });
      cb(null, { origin: !!origin && shop(origin), credentials: false });
    }),
  );

  router.post(
    '/',
    handle(async (req) => {
      const token = bearer(req);
      const session = token ? await deps.sessions.verify(token) : null;
      if (!session) throw new AppError('unauthorized', 'Send the chat session token as a Bearer token.');
      if (!(await getConversation(deps.db, session.conversationId))) throw new AppError('unauthorized', 'This chat session has ended.');
      await deps.limits.take('upload', `chat:${session.conversationId}`);
      const file = await readUpload(req);
      return acceptUpload(deps, { conversationId: session.conversationId, uploader: { kind: 'customer', id: session.conversationId }, file });
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      const p = IdParams.safeParse(req.params);
      if (!p.success) throw new AppError('not_found', 'No such file.');
      await authoriseDownload(deps, req, p.data.id);
      const row = (await getAttachmentRow(deps.db, p.data.id))!;
      const bytes = await deps.storage.get(row.storageKey);
      if (!bytes) throw new AppError('not_found', 'This file is no longer stored.');
      const image = row.mime.startsWith('image/');
      res.setHeader('Content-Type', row.mime);
      res.setHeader('Content-Length', String(bytes.length));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Images show inline (thumbnails, the viewer); a PDF is always a download, never rendered on our origin.
      res.setHeader('Content-Disposition', contentDisposition(image ? 'inline' : 'attachment', row.name));
      // Even opened directly, the response can run nothing and load nothing.
      res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
      // Per-user (Authorization/cookie) and immutable: the browser may keep it, shared caches may not.
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.end(bytes);
      return undefined;
    }),
  );
  return router;
}

/**
 * Who may read a file: the conversation's own customer session (Bearer), or any signed-in console
 * user (Bearer or the console cookie, the cookie only from the platform's origin). Another
 * customer's session is refused with `forbidden`; no credentials at all with `unauthorized`.
 */
async function authoriseDownload(deps: AttachmentRouteDeps, req: Request, id: string): Promise<void> {
  const token = bearer(req);
  const session = token ? await deps.sessions.verify(token) : null;
  const consoleToken = session ? null : tokenFromRequest(req.headers);
  const fromCookie = !token && !!consoleToken;
  const claims = consoleToken && (!fromCookie || consoleOriginAllowed(req.headers, deps.platformOrigins)) ? await deps.consoleTokens.verify(consoleToken) : null;
  const agent = claims ? await currentConsoleUser(deps.db, claims) : null;
  if (!session && !agent) throw new AppError('unauthorized', 'Sign in, or send the chat session token as a Bearer token.');
  const row = await getAttachmentRow(deps.db, id);
  if (!row) throw new AppError('not_found', 'No such file.');
  if (session && row.conversationId !== session.conversationId) throw new AppError('forbidden', 'This file belongs to another conversation.');
}

/**
 * POST /api/conversations/:id/attachments: the console's uploads, with the console token (cookie or
 * Bearer, as every /api route). Only a user the state machine lets write to the customer (the
 * owner: `agent_reply`) may upload to it, so an agent cannot slip files into someone else's chat.
 */
export function createConsoleAttachmentsRouter(deps: AttachmentRouteDeps, requireConsole: RequestHandler, userOf: (res: Response) => { userId: string; role: 'agent' | 'admin'; name: string }): Router {
  const router = Router();
  router.post(
    '/conversations/:id/attachments',
    requireConsole,
    handle(async (req, res) => {
      const p = IdParams.safeParse(req.params);
      if (!p.success) throw new AppError('not_found', 'No such conversation.');
      const me = userOf(res);
      const conv = await lockConversation(deps.db, p.data.id);
      if (!conv) throw new AppError('not_found', 'No such conversation.');
      if (!transitionFor({ kind: me.role, userId: me.userId }, 'agent_reply', conv)) {
        throw new AppError('forbidden', 'Claim this conversation before sending files: only its owner can write to the customer.');
      }
      await deps.limits.take('upload', `agent:${me.userId}`);
      const file = await readUpload(req);
      return acceptUpload(deps, { conversationId: conv.id, uploader: { kind: 'agent', id: me.userId }, file });
    }),
  );
  // requireConsole's refusals (unauthorized, forbidden) in the same envelope as the upload's own.
  router.use('/conversations/:id/attachments', (err: unknown, req: Request, res: Response, _next: NextFunction) => refuse(req, res, err));
  return router;
}
