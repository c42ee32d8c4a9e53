import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '@em/contracts/errors';
import { SiteSettingsItem, SiteSettingsListResponse, SiteSettingsUpdate, SiteStateListResponse } from '@em/contracts/site';
import { siteOpenState } from '@em/conversations/hours';
import type { EffectiveSite } from '@em/conversations/site-settings';
import type { GatewayDeps } from '../deps';
import { consoleUserOf, requireConsole } from './console-auth';
import { registerPath } from '../http/openapi';

export const SiteKeyParams = z.object({ siteKey: z.string().min(1).max(100) });

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError('invalid_payload', r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

/**
 * Site settings (issue 20/21): each site's effective branding and business hours, for the admin page.
 * Only what the widget shows and the hours are here; identity secrets and allowed origins stay in the
 * environment and are neither returned nor accepted (an unknown key is a 400).
 */
export function createSitesRouter(deps: GatewayDeps): Router {
  const router = Router();
  const now = () => deps.now?.() ?? new Date();
  const item = (s: EffectiveSite, at: Date): SiteSettingsItem => ({
    siteKey: s.siteKey,
    branding: s.branding,
    hours: s.hours,
    state: siteOpenState(s.hours, at),
    updatedAt: s.updatedAt?.toISOString() ?? null,
  });

  /** Any console user: which sites have people in now (the console's chip). */
  router.get('/sites/state', requireConsole(deps), async (_req, res) => {
    const at = now();
    const sites = await deps.siteSettings.list();
    res.json({
      items: sites.map((s) => ({ siteKey: s.siteKey, ...(s.branding.title ? { title: s.branding.title } : {}), state: siteOpenState(s.hours, at) })),
    } satisfies SiteStateListResponse);
  });
  router.get('/sites', requireConsole(deps, 'admin'), async (_req, res) => {
    const at = now();
    res.json({ items: (await deps.siteSettings.list()).map((s) => item(s, at)) } satisfies SiteSettingsListResponse);
  });
  router.put('/sites/:siteKey', requireConsole(deps, 'admin'), async (req, res) => {
    const { siteKey } = parse(SiteKeyParams, req.params);
    if (!deps.siteSettings.has(siteKey)) throw new AppError('not_found', 'No such site.');
    const change = parse(SiteSettingsUpdate, req.body);
    const saved = await deps.siteSettings.save(siteKey, change, consoleUserOf(res).userId);
    req.log.info({ siteKey, parts: Object.keys(change), by: consoleUserOf(res).userId }, 'site settings saved');
    res.json(item(saved, now()));
  });
  return router;
}

const tags = ['console'];
registerPath({
  method: 'get',
  path: '/api/sites/state',
  summary: "Each site's business-hours state now (open, or closed until nextOpenAt)",
  tags,
  auth: 'console',
  responses: { 200: { description: '{ items: [{ siteKey, title?, state }] }', schema: SiteStateListResponse } },
});
registerPath({
  method: 'get',
  path: '/api/sites',
  summary: "Each site's effective branding and hours (saved fields over SITES_JSON) and its state now; never secrets or origins",
  tags,
  auth: 'admin',
  responses: { 200: { description: '{ items: [{ siteKey, branding, hours, state, updatedAt }] }', schema: SiteSettingsListResponse }, 403: { description: 'forbidden: admins only' } },
});
registerPath({
  method: 'put',
  path: '/api/sites/{siteKey}',
  summary: 'Save branding and/or hours for a site (each part given replaces the saved part; fields left out fall back to SITES_JSON)',
  tags,
  auth: 'admin',
  params: SiteKeyParams,
  body: SiteSettingsUpdate,
  responses: {
    200: { description: 'the site as it now applies', schema: SiteSettingsItem },
    400: { description: 'invalid_payload (including identitySecret, allowedOrigins or any unknown key)' },
    403: { description: 'forbidden: admins only' },
    404: { description: 'not_found: no such site' },
  },
});
