/**
 * ElectroMart chat loader (served as /embed.js). A shop adds
 *   <script src="https://support.example/embed.js"></script>
 *   <script>ElectroMartChat.init({ siteKey: 'demo-site', identity: { email, name, hash } })</script>
 * where `hash` is computed by the shop's server. The chat itself runs in an iframe on /widget; the two
 * talk only through postMessage, each side checking the other's window and origin.
 */
import { isWidgetMessage, type BridgeIdentity, type ParentToWidget, type WidgetTheme, type WidgetToParent } from '../src/lib/bridge';
import { createFrame, createLauncher, injectStyles, type Launcher } from './ui';

export interface InitOptions {
  siteKey: string;
  /** Origin serving /widget; '' or omitted = the origin this script was loaded from. */
  baseUrl?: string;
  identity?: BridgeIdentity | null;
  gatewayUrl?: string;
  /** Corner for the launcher and the chat window. Default 'right'. */
  position?: 'right' | 'left';
  /** 'auto' (default) follows the visitor's prefers-color-scheme. */
  theme?: WidgetTheme;
  /** BCP 47 tag for times in the widget; default: the browser's. */
  locale?: string;
  /** Open the chat right away. */
  open?: boolean;
}
type EventName = 'ready' | 'opened' | 'closed' | 'message' | 'handoff' | 'status' | 'unread';
type Handler = (payload?: unknown) => void;

// Captured while the script runs: currentScript is null later.
const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src;

let opts: InitOptions | null = null;
let launcher: Launcher | null = null;
let iframe: HTMLIFrameElement | null = null;
let frameOrigin = '';
let isOpen = false;
let fresh = false;
const handlers = new Map<EventName, Set<Handler>>();

function emit(event: EventName, payload?: unknown) {
  handlers.get(event)?.forEach((h) => {
    try {
      h(payload);
    } catch (err) {
      console.error('[ElectroMartChat] handler failed', err);
    }
  });
}

function widgetUrl(): string {
  const base = opts?.baseUrl || (scriptSrc ? new URL(scriptSrc).origin : location.origin);
  return new URL('/widget', base).toString();
}

function post(message: ParentToWidget) {
  // targetOrigin = the widget's origin only: identity never goes to whatever else the frame navigated to.
  iframe?.contentWindow?.postMessage(message, frameOrigin);
}

function sendInit() {
  if (!opts) return;
  post({
    type: 'em:init',
    siteKey: opts.siteKey,
    identity: opts.identity ?? undefined,
    gatewayUrl: opts.gatewayUrl,
    fresh,
    theme: opts.theme,
    locale: opts.locale,
  });
  post({ type: 'em:visibility', open: isOpen });
}

function onWindowMessage(event: MessageEvent) {
  if (!iframe || event.source !== iframe.contentWindow || event.origin !== frameOrigin) return;
  if (!isWidgetMessage(event.data)) return;
  const data: WidgetToParent = event.data;
  switch (data.type) {
    case 'em:hello':
      return sendInit();
    case 'em:ready':
      fresh = false;
      return emit('ready', { conversationId: data.conversationId, verified: data.verified, status: data.status });
    case 'em:message':
      return emit('message', data.message);
    case 'em:status':
      return emit('status', { status: data.status, queuePosition: data.queuePosition });
    case 'em:handoff':
      return emit('handoff', { from: data.from, to: data.to, reason: data.reason });
    case 'em:unread':
      launcher?.setUnread(data.count);
      return emit('unread', data.count);
    case 'em:close':
      return close();
  }
}

function ensureFrame(): HTMLIFrameElement {
  if (iframe) return iframe;
  const src = widgetUrl();
  frameOrigin = new URL(src).origin;
  iframe = createFrame(src, launcher!.el, opts?.position === 'left');
  // The widget also says em:hello once its listener is up; init is idempotent on its side.
  iframe.addEventListener('load', sendInit);
  return iframe;
}

function destroyFrame() {
  iframe?.remove();
  iframe = null;
  launcher?.setUnread(0);
}

function open() {
  if (!opts || !launcher) return;
  const frame = ensureFrame();
  frame.classList.add('emc-open');
  isOpen = true;
  launcher.setExpanded(true);
  post({ type: 'em:visibility', open: true });
  frame.focus();
  emit('opened');
}

function close() {
  if (!iframe || !isOpen) return;
  iframe.classList.remove('emc-open');
  isOpen = false;
  launcher?.setExpanded(false);
  post({ type: 'em:visibility', open: false });
  launcher?.el.focus();
  emit('closed');
}

const toggle = () => (isOpen ? close() : open());

/** Switch customer: the old iframe (and its socket) goes away; the next one connects as `identity`. */
function setUser(identity?: BridgeIdentity | null) {
  if (!opts) return;
  opts = { ...opts, identity: identity ?? undefined };
  const wasOpen = isOpen;
  destroyFrame();
  isOpen = false;
  launcher?.setExpanded(false);
  if (wasOpen) open();
}

/** Forget the current session (e.g. on logout) and continue as a new guest. */
function reset() {
  fresh = true;
  setUser(undefined);
}

function on(event: EventName, handler: Handler): () => void {
  const set = handlers.get(event) ?? new Set<Handler>();
  set.add(handler);
  handlers.set(event, set);
  return () => set.delete(handler);
}

function init(options: InitOptions) {
  if (!options || !options.siteKey) throw new Error('ElectroMartChat.init: siteKey is required');
  if (opts) {
    // A second init (e.g. client-side navigation) only changes the user when it differs.
    const changed = (opts.identity?.email ?? '') !== (options.identity?.email ?? '') || opts.siteKey !== options.siteKey;
    opts = { ...options };
    if (changed) setUser(options.identity);
    return;
  }
  opts = { ...options };
  injectStyles();
  launcher = createLauncher(toggle, options.position === 'left');
  window.addEventListener('message', onWindowMessage);
  // Escape closes the chat from the shop's page too (inside the frame the widget handles it itself).
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isOpen) close();
  });
  if (options.open) open();
}

const api = { init, open, close, toggle, setUser, reset, on };
declare global {
  interface Window {
    ElectroMartChat?: typeof api;
  }
}
window.ElectroMartChat = api;
