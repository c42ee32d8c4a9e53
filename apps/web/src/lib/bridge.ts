/**
 * postMessage protocol between the loader (embed.js, on the shop's page) and the widget iframe.
 * Shared by both sides so the message shapes cannot drift. Types and tiny guards only: the loader
 * bundle must stay small and must not pull in React or zod.
 */
import type { Message } from '@em/contracts/schemas';

export interface BridgeIdentity {
  email: string;
  name?: string;
  /** hex HMAC-SHA256(lower-cased email, SITE_IDENTITY_SECRET), computed by the shop's server. */
  hash: string;
}

/** 'auto' follows the visitor's prefers-color-scheme. */
export type WidgetTheme = 'light' | 'dark' | 'auto';

/** Loader → widget. */
export type ParentToWidget =
  | {
      type: 'em:init';
      siteKey: string;
      identity?: BridgeIdentity;
      /** Accepted for forward compatibility; the widget uses the gateway its own server names. */
      gatewayUrl?: string;
      /** Drop any stored session for this user before connecting (reset()). */
      fresh?: boolean;
      theme?: WidgetTheme;
      /** BCP 47 tag for dates and times in the widget, e.g. 'en-GB'. */
      locale?: string;
    }
  | { type: 'em:visibility'; open: boolean };

/** Widget → loader. */
export type WidgetToParent =
  | { type: 'em:hello' }
  | { type: 'em:ready'; conversationId: string; verified: boolean; status: string }
  | { type: 'em:message'; message: Message }
  | { type: 'em:status'; status: string; queuePosition?: number }
  | { type: 'em:handoff'; from: string; to: string; reason: string }
  | { type: 'em:unread'; count: number }
  | { type: 'em:close' };

const PARENT_TYPES = new Set(['em:init', 'em:visibility']);
const WIDGET_TYPES = new Set(['em:hello', 'em:ready', 'em:message', 'em:status', 'em:handoff', 'em:unread', 'em:close']);

const typeOf = (data: unknown): unknown =>
  typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;

export const isParentMessage = (data: unknown): data is ParentToWidget => PARENT_TYPES.has(typeOf(data) as string);
export const isWidgetMessage = (data: unknown): data is WidgetToParent => WIDGET_TYPES.has(typeOf(data) as string);
