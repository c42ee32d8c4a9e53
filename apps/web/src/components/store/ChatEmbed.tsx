'use client';
import Script from 'next/script';
import { useEffect, useRef, useState } from 'react';
import type { BridgeIdentity } from '../../lib/bridge';

interface Props {
  siteKey: string;
  /** Signed on the server (src/lib/identity.ts); null = guest. */
  identity: BridgeIdentity | null;
  /** Origin serving /widget and /embed.js; '' = this origin. */
  baseUrl?: string;
}

/**
 * Loads /embed.js the way a shop would and initialises it. When the signed-in customer changes
 * (the demo switch navigates client-side), the loader restarts the widget as the new customer.
 */
export function ChatEmbed({ siteKey, identity, baseUrl = '' }: Props) {
  const [loaded, setLoaded] = useState(false);
  const initialised = useRef(false);
  // Depend on the signed value, not the object: a server re-render makes a new but equal object.
  const identityKey = identity ? `${identity.email}:${identity.hash}` : 'guest';

  useEffect(() => {
    const chat = window.ElectroMartChat;
    if (!loaded || !chat) return;
    if (!initialised.current) {
      initialised.current = true;
      chat.init({ baseUrl, siteKey, identity });
    } else {
      chat.setUser(identity);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- identityKey stands for identity
  }, [loaded, baseUrl, siteKey, identityKey]);

  return <Script src={`${baseUrl}/embed.js`} strategy="afterInteractive" onReady={() => setLoaded(true)} />;
}
