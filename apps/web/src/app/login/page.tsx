import type { Metadata } from 'next';
import { LoginForm } from '../../components/console/LoginForm';
import { env } from '../../server-env';
import { ensureGatewayHost } from '../../lib/console/canonical-host';
import { CONSOLE_CATALOGS } from '../../lib/i18n/console/catalogs';
import { requestLocale } from '../../lib/i18n/server-locale';
import { UiLocaleProvider } from '../../lib/i18n/UiLocaleProvider';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = CONSOLE_CATALOGS[await requestLocale()];
  return { title: `${t.signIn} · ElectroMart ${t.brand}`, robots: { index: false } };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { PUBLIC_GATEWAY_URL } = env();
  const { next } = await searchParams;
  // Only same-app paths: never an open redirect to another site.
  const target = next && /^\/(console|dashboard)(\/[\w/-]*)?$/.test(next) ? next : '/console';
  await ensureGatewayHost(PUBLIC_GATEWAY_URL, `/login${next ? `?next=${encodeURIComponent(target)}` : ''}`);
  return (
    <UiLocaleProvider initial={await requestLocale()}>
      <LoginForm gatewayUrl={PUBLIC_GATEWAY_URL} next={target} />
    </UiLocaleProvider>
  );
}
