import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '@em/contracts/errors';
import type { CannedListResponse, CannedResponse, ConsoleUser, ConsoleUserListResponse } from '@em/contracts/rest';
import { CONSOLE_ROLES, ConsolePassword, PasswordResetRequest } from '@em/contracts/rest';
import { StoredText } from '@em/contracts/schemas';
import { createCanned, deleteCanned, listCanned, updateCanned } from '@em/db/queries/canned';
import { createConsoleUser, updateConsoleUser } from '@em/db/queries/console-users-admin';
import { listConsoleUsers } from '@em/db/queries/users';
import type { GatewayDeps } from '../deps';
import { consoleUserOf, requireConsole } from './console-auth';
import { revokeConsoleTokens } from './console-sessions';

export const CannedBody = z.object({
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'letters, digits, - and _ (max 32)'),
  title: StoredText().trim().min(1).max(80),
  text: StoredText().trim().min(1).max(1000),
});
export const NewUserBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: StoredText().trim().min(1).max(120),
  role: z.enum(CONSOLE_ROLES),
  password: ConsolePassword,
});
export const UserPatchBody = z.object({
  name: StoredText().trim().min(1).max(120).optional(),
  role: z.enum(CONSOLE_ROLES).optional(),
  active: z.boolean().optional(),
  password: ConsolePassword.optional(),
});
const Id = z.object({ id: z.string().uuid() });
/** A PATCH must change something: an empty update is refused rather than reaching SQL (found by fuzzing). */
const CannedPatchBody = CannedBody.partial().refine((b) => Object.keys(b).length > 0, 'nothing to change');

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError('invalid_payload', r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

/** Canned responses (read: any agent; write: admins) and console users (admins only). */
export function createConsoleAdminRouter(deps: GatewayDeps): Router {
  const router = Router();
  const admin = requireConsole(deps, 'admin');

  router.get('/canned-responses', requireConsole(deps), async (_req, res) => {
    res.json({ items: await listCanned(deps.db) } satisfies z.input<typeof CannedListResponse>);
  });
  router.post('/canned-responses', admin, async (req, res) => {
    const created = await createCanned(deps.db, parse(CannedBody, req.body));
    if (!created) throw new AppError('conflict', 'That shortcut is already taken.');
    res.status(201).json(created satisfies CannedResponse);
  });
  router.patch('/canned-responses/:id', admin, async (req, res) => {
    const { id } = parse(Id, req.params);
    const updated = await updateCanned(deps.db, id, parse(CannedPatchBody, req.body)).catch((err: unknown) => {
      if ((err as { cause?: { code?: string } }).cause?.code === '23505') throw new AppError('conflict', 'That shortcut is already taken.');
      throw err;
    });
    if (!updated) throw new AppError('not_found', 'No such canned response.');
    res.json(updated satisfies CannedResponse);
  });
  router.delete('/canned-responses/:id', admin, async (req, res) => {
    if (!(await deleteCanned(deps.db, parse(Id, req.params).id))) throw new AppError('not_found', 'No such canned response.');
    res.status(204).end();
  });

  router.get('/users', admin, async (_req, res) => {
    res.json({ items: await listConsoleUsers(deps.db) } satisfies z.input<typeof ConsoleUserListResponse>);
  });
  router.post('/users', admin, async (req, res) => {
    const created = await createConsoleUser(deps.db, parse(NewUserBody, req.body));
    if (!created) throw new AppError('conflict', 'A console user with that email already exists.');
    res.status(201).json(created satisfies ConsoleUser);
  });
  router.patch('/users/:id', admin, async (req, res) => {
    const { id } = parse(Id, req.params);
    const patch = parse(UserPatchBody, req.body);
    // An admin can't lock themselves out (deactivate or demote their own account).
    if (id === consoleUserOf(res).userId && (patch.active === false || patch.role === 'agent')) {
      throw new AppError('conflict', 'You cannot deactivate or demote your own account.');
    }
    const updated = await updateConsoleUser(deps.db, id, patch);
    if (!updated) throw new AppError('not_found', 'No such console user.');
    // A new password, role or deactivation ends every session signed before it (issue 15, finding 7).
    if (patch.password !== undefined || patch.role !== undefined || patch.active === false) {
      await revokeConsoleTokens(deps.db, id);
      deps.endAgentSessions?.(id);
    }
    res.json(updated satisfies ConsoleUser);
  });
  /**
   * Password reset by an admin: its own route (not a PATCH field the form might send by accident), the
   * user creation rule, and every session of that user ends (token_version; open sockets disconnect).
   */
  router.post('/users/:id/password', admin, async (req, res) => {
    const { id } = parse(Id, req.params);
    const { password } = parse(PasswordResetRequest, req.body);
    const updated = await updateConsoleUser(deps.db, id, { password });
    if (!updated) throw new AppError('not_found', 'No such console user.');
    await revokeConsoleTokens(deps.db, id);
    deps.endAgentSessions?.(id);
    res.json(updated satisfies ConsoleUser);
  });
  return router;
}
