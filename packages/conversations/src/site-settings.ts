import type { SiteBranding, SiteHours } from '@em/contracts/site';
import type { Db } from '@em/db/client';
import { listSiteSettings, upsertSiteSettings, type SiteSettingsRow } from '@em/db/queries/site-settings';

/** What the environment says about a site (SITES_JSON; the gateway's SITE_KEY site has no hours there). */
export interface SiteDefaults {
  siteKey: string;
  branding?: SiteBranding;
  hours?: SiteHours;
}

/** A site as it behaves now: the admin page's saved fields over the environment's. */
export interface EffectiveSite {
  siteKey: string;
  branding: SiteBranding;
  hours: SiteHours;
  /** When the admin page last saved it; null when only the environment configures it. */
  updatedAt: Date | null;
}

export interface SiteSettingsDeps {
  db: Db;
  /** The sites the environment configures (order kept for listings). */
  sites: SiteDefaults[];
  /** How long saved overrides are reused (ms). Another process sees a save within this time. */
  ttlMs?: number;
  /** The clock the cache expires by (tests inject one). */
  now?: () => Date;
}

export const SITE_SETTINGS_TTL_MS = 5_000;

const defined = <T extends object>(o: T | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as T;

/** Field by field: a saved field wins, a field never saved falls back to the environment's. */
export function mergeSite(defaults: SiteDefaults | undefined, row: SiteSettingsRow | undefined, siteKey: string): EffectiveSite {
  return {
    siteKey,
    branding: { ...defined(defaults?.branding), ...defined(row?.branding) },
    hours: { ...defined(defaults?.hours), ...defined(row?.hours) },
    updatedAt: row?.updatedAt ?? null,
  };
}

/**
 * Site settings as every process reads them (gateway: session:ready, /api/sites; worker: the hand-over
 * decision). The few saved rows are read whole and kept for `ttlMs`, so a widget connect costs no
 * query; a save through this store drops its own copy at once (the next session:ready on this node
 * shows it), other processes pick it up within the TTL.
 */
export function createSiteSettings(deps: SiteSettingsDeps) {
  const ttl = deps.ttlMs ?? SITE_SETTINGS_TTL_MS;
  const now = deps.now ?? (() => new Date());
  const defaults = new Map(deps.sites.map((s) => [s.siteKey, s]));
  let cached: { rows: Map<string, SiteSettingsRow>; at: number } | undefined;
  let loading: Promise<Map<string, SiteSettingsRow>> | undefined;
  // Bumped by every save: a read that started before it must not cache what it read.
  let generation = 0;

  async function rows(): Promise<Map<string, SiteSettingsRow>> {
    if (cached && now().getTime() - cached.at < ttl) return cached.rows;
    const gen = generation;
    loading ??= listSiteSettings(deps.db)
      .then((list) => {
        const map = new Map(list.map((r) => [r.siteKey, r]));
        if (gen === generation) cached = { rows: map, at: now().getTime() };
        return map;
      })
      .catch((err: unknown) => {
        // A database blip: the last known settings are better than failing a connect or a hand-over.
        if (cached) return cached.rows;
        throw err;
      })
      .finally(() => {
        if (gen === generation) loading = undefined;
      });
    return loading;
  }

  function invalidate() {
    generation++;
    cached = undefined;
    loading = undefined;
  }

  return {
    /** Whether the environment configures this site (only those are listed and editable). */
    has: (siteKey: string) => defaults.has(siteKey),
    /** Any site key: a site the environment does not list (e.g. the worker's view of SITE_KEY) gets its saved fields only. */
    async get(siteKey: string): Promise<EffectiveSite> {
      return mergeSite(defaults.get(siteKey), (await rows()).get(siteKey), siteKey);
    },
    async list(): Promise<EffectiveSite[]> {
      const saved = await rows();
      return deps.sites.map((s) => mergeSite(s, saved.get(s.siteKey), s.siteKey));
    },
    async save(siteKey: string, change: { branding?: SiteBranding; hours?: SiteHours }, updatedBy: string): Promise<EffectiveSite> {
      const row = await upsertSiteSettings(deps.db, siteKey, change, updatedBy);
      invalidate();
      return mergeSite(defaults.get(siteKey), row, siteKey);
    },
    invalidate,
  };
}
export type SiteSettingsStore = ReturnType<typeof createSiteSettings>;
