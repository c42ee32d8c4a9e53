'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { Identity } from '@em/contracts/schemas';
import type { WidgetTheme, WidgetToParent } from '../../lib/bridge';

export interface ChatConfig {
  siteKey: string;
  identity?: Identity;
  /** Drop the stored session before connecting (loader's reset()). */
  fresh?: boolean;
  /**
   * The page that framed the widget, as the browser reports it on em:init (MessageEvent.origin: no
   * page can forge it). The gateway checks it against the site's origins, since every embed connects
   * from the platform's own origin (issue 15, finding 8). Absent when the widget is opened directly.
   */
  embedOrigin?: string;
}

/** Look and language: may change without reconnecting, and may come from the URL (nothing secret). */
export interface Appearance {
  theme: WidgetTheme;
  locale?: string;
}

const Theme = z.enum(['light', 'dark', 'auto']);
const Locale = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).max(35);

const InitMessage = z.object({
  type: z.literal('em:init'),
  siteKey: z.string().min(1).max(100),
  identity: Identity.optional(),
  fresh: z.boolean().optional(),
  theme: Theme.optional(),
  locale: Locale.optional(),
});
const VisibilityMessage = z.object({ type: z.literal('em:visibility'), open: z.boolean() });

/** Standalone (not framed): connect as a guest after this long; framed: give the loader longer. */
const STANDALONE_GUEST_MS = 1500;
const FRAMED_GUEST_MS = 5000;

const sameConfig = (a: ChatConfig | null, b: ChatConfig) =>
  !!a && a.siteKey === b.siteKey && a.identity?.email === b.identity?.email && a.identity?.hash === b.identity?.hash;

/**
 * The widget side of the postMessage bridge. Configuration (site key, signed identity) comes only
 * from the parent window, never from this page's URL. The first em:init pins the parent's origin:
 * later messages from any other origin are ignored, and events go back to that origin only.
 */
export function useParentBridge(defaultSiteKey: string) {
  const [config, setConfig] = useState<ChatConfig | null>(null);
  const [framed, setFramed] = useState(false);
  const [visible, setVisible] = useState(false);
  const [appearance, setAppearance] = useState<Appearance>({ theme: 'auto' });
  const parentOrigin = useRef<string | null>(null);
  // Mirrors `visible` synchronously, so a message arriving right after em:visibility counts correctly.
  const visibleRef = useRef(false);

  useEffect(() => {
    const isFramed = window.parent !== window;
    setFramed(isFramed);
    // Opened directly (or before em:init arrives): /widget?theme=dark&locale=en-GB.
    const query = new URLSearchParams(window.location.search);
    const theme = Theme.safeParse(query.get('theme'));
    const locale = Locale.safeParse(query.get('locale'));
    if (theme.success || locale.success)
      setAppearance({ theme: theme.success ? theme.data : 'auto', locale: locale.success ? locale.data : undefined });
    if (!isFramed) {
      visibleRef.current = true;
      setVisible(true);
    }

    const onMessage = (event: MessageEvent) => {
      if (!isFramed || event.source !== window.parent) return;
      if (parentOrigin.current && event.origin !== parentOrigin.current) return;
      const init = InitMessage.safeParse(event.data);
      if (init.success) {
        parentOrigin.current = event.origin;
        const next: ChatConfig = { siteKey: init.data.siteKey, identity: init.data.identity, fresh: init.data.fresh, embedOrigin: event.origin };
        setConfig((prev) => (sameConfig(prev, next) ? prev : next));
        const { theme, locale } = init.data;
        if (theme || locale) setAppearance((prev) => ({ theme: theme ?? prev.theme, locale: locale ?? prev.locale }));
        return;
      }
      const vis = VisibilityMessage.safeParse(event.data);
      if (vis.success && parentOrigin.current) {
        visibleRef.current = vis.data.open;
        setVisible(vis.data.open);
      }
    };
    window.addEventListener('message', onMessage);
    // Our listener is up: ask the loader for em:init (its iframe `load` may have fired too early).
    // The hello carries no data, so any origin may see it.
    if (isFramed) window.parent.postMessage({ type: 'em:hello' } satisfies WidgetToParent, '*');

    const fallback = window.setTimeout(
      () => setConfig((prev) => prev ?? { siteKey: defaultSiteKey }),
      isFramed ? FRAMED_GUEST_MS : STANDALONE_GUEST_MS,
    );
    return () => {
      window.removeEventListener('message', onMessage);
      window.clearTimeout(fallback);
    };
  }, [defaultSiteKey]);

  const post = useCallback((message: WidgetToParent) => {
    if (parentOrigin.current) window.parent.postMessage(message, parentOrigin.current);
  }, []);

  return { config, appearance, framed, visible, visibleRef, post };
}
