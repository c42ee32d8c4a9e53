import type { Metadata } from 'next';
import { AdminApp } from '../../../components/console/AdminApp';
import { env } from '../../../server-env';
import { ensureGatewayHost } from '../../../lib/console/canonical-host';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Console admin · ElectroMart', robots: { index: false } };

export default async function ConsoleAdminPage() {
  const { PUBLIC_GATEWAY_URL } = env();
  await ensureGatewayHost(PUBLIC_GATEWAY_URL, '/console/admin');
  return <AdminApp gatewayUrl={PUBLIC_GATEWAY_URL} />;
}
