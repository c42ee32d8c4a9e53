import type { Metadata } from 'next';
import { LoginForm } from '../../components/console/LoginForm';
import { env } from '../../server-env';
import { ensureGatewayHost } from '../../lib/console/canonical-host';
import { requestLocale } from '../../lib/i18n/server-locale';
import { UiLocaleProvider } from '../../lib/i18n/UiLocaleProvider';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in · ElectroMart Support Console', robots: { index: false } };

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
