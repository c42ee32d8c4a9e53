import type { Metadata } from 'next';
import { ConsoleApp } from '../../components/console/ConsoleApp';
import { env } from '../../server-env';
import { ensureGatewayHost } from '../../lib/console/canonical-host';
import { CONSOLE_CATALOGS } from '../../lib/i18n/console/catalogs';
import { requestLocale } from '../../lib/i18n/server-locale';
import { UiLocaleProvider } from '../../lib/i18n/UiLocaleProvider';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: `${CONSOLE_CATALOGS[await requestLocale()].brand} · ElectroMart`, robots: { index: false } };
}

export default async function ConsolePage() {
  const { PUBLIC_GATEWAY_URL } = env();
  await ensureGatewayHost(PUBLIC_GATEWAY_URL, '/console');
  return (
    <UiLocaleProvider initial={await requestLocale()}>
      <ConsoleApp gatewayUrl={PUBLIC_GATEWAY_URL} />
    </UiLocaleProvider>
  );
}
