import type { Metadata } from 'next';
import { ChatWidget } from '../../components/widget/ChatWidget';
import { env } from '../../server-env';

// The gateway URL and default site key are read per request, so one build serves any deployment.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'ElectroMart chat', robots: { index: false } };

export default function WidgetPage() {
  const { PUBLIC_GATEWAY_URL, SITE_KEY } = env();
  return <ChatWidget gatewayUrl={PUBLIC_GATEWAY_URL} defaultSiteKey={SITE_KEY} />;
}
