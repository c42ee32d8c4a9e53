import type { Metadata } from 'next';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { env } from '../../server-env';
import { requireConsoleSession } from '../../lib/dashboard/session';
import { DASHBOARD_CATALOGS } from '../../lib/i18n/dashboard/catalogs';
import { requestLocale } from '../../lib/i18n/server-locale';
import { UiLocaleProvider } from '../../lib/i18n/UiLocaleProvider';

// Per request: env and the session cookie are read at run time, never baked in at build.
export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: `${DASHBOARD_CATALOGS[await requestLocale()].pageTitle} · ElectroMart`, robots: { index: false } };
}

export default async function DashboardPage() {
  const { PUBLIC_GATEWAY_URL } = env();
  await requireConsoleSession(PUBLIC_GATEWAY_URL, '/dashboard');
  return (
    <UiLocaleProvider initial={await requestLocale()}>
      <DashboardApp gatewayUrl={PUBLIC_GATEWAY_URL} />
    </UiLocaleProvider>
  );
}
