import { sql } from 'drizzle-orm';
import type { SiteBranding, SiteHours } from '@em/contracts/site';
import type { Db } from '../client';
import { siteSettings } from '../schema/index';

/** A site's saved override (the admin page): branding and hours fields that win over SITES_JSON. */
export interface SiteSettingsRow {
  siteKey: string;
  branding: SiteBranding;
  hours: SiteHours;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Every saved override (a handful of sites: read whole and cached by the caller). */
export async function listSiteSettings(db: Db): Promise<SiteSettingsRow[]> {
  return db.select().from(siteSettings);
}

/**
 * Saves a site's override. A part given replaces that part whole (a field left out of it falls back to
 * SITES_JSON); a part not given keeps what was saved.
 */
export async function upsertSiteSettings(
  db: Db,
  siteKey: string,
  change: { branding?: SiteBranding; hours?: SiteHours },
  updatedBy: string,
): Promise<SiteSettingsRow> {
  const [row] = await db
    .insert(siteSettings)
    .values({ siteKey, branding: change.branding ?? {}, hours: change.hours ?? {}, updatedBy })
    .onConflictDoUpdate({
      target: siteSettings.siteKey,
      set: {
        ...(change.branding ? { branding: change.branding } : {}),
        ...(change.hours ? { hours: change.hours } : {}),
        updatedBy,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return row!;
}
