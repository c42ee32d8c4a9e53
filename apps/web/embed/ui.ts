/** DOM for the loader: a launcher button and the widget iframe. No framework; class names are prefixed. */

const CSS = `
.emc-launcher{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;margin:0;padding:0;
background:#3949ab;color:#fff;box-shadow:0 6px 20px rgba(26,35,126,.35);cursor:pointer;z-index:2147483000;
display:flex;align-items:center;justify-content:center;transition:transform .15s ease,background .15s ease}
.emc-launcher:hover{transform:scale(1.06);background:#303f9f}
.emc-launcher:focus-visible{outline:3px solid #9fa8da;outline-offset:3px}
.emc-launcher svg{width:28px;height:28px;fill:currentColor}
.emc-badge{position:absolute;top:-3px;right:-3px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;box-sizing:border-box;
background:#e53935;color:#fff;font:600 12px/20px system-ui,-apple-system,Segoe UI,Roboto,sans-serif;text-align:center}
.emc-badge[hidden]{display:none}
.emc-frame{position:fixed;right:20px;bottom:92px;width:380px;height:600px;max-width:calc(100vw - 40px);max-height:calc(100vh - 176px);
border:0;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.22);background:#fff;z-index:2147483000;display:none}
.emc-frame.emc-open{display:block}
.emc-left.emc-launcher,.emc-left.emc-frame{right:auto;left:20px}
@media (prefers-color-scheme:dark){.emc-frame{background:#141829}}
@media (prefers-reduced-motion:reduce){.emc-launcher{transition:none}}
@media (max-width:480px){
.emc-left.emc-frame{left:0}
.emc-frame{right:0;bottom:0;width:100vw;height:100%;max-width:none;max-height:none;border-radius:0}
.emc-frame.emc-open ~ .emc-launcher{display:none}
}`;

const CHAT_ICON =
  'M20 2H4c-1.1 0-1.99.9-1.99 2L2 22l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2zM6 9h12v2H6V9zm8 5H6v-2h8v2zm4-6H6V6h12v2z';
const CLOSE_ICON =
  'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z';

export function injectStyles(): void {
  if (document.getElementById('emc-styles')) return;
  const style = document.createElement('style');
  style.id = 'emc-styles';
  style.textContent = CSS;
  document.head.appendChild(style);
}

export interface Launcher {
  el: HTMLButtonElement;
  setUnread(count: number): void;
  setExpanded(open: boolean): void;
}

export function createLauncher(onClick: () => void, left = false): Launcher {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = left ? 'emc-launcher emc-left' : 'emc-launcher';
  // The name says what a press does ("Open chat" / "Close chat"); aria-expanded carries the state too.
  el.setAttribute('aria-label', 'Open chat');
  el.setAttribute('aria-expanded', 'false');
  el.setAttribute('data-testid', 'em-launcher');
  el.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${CHAT_ICON}"/></svg>`;
  const badge = document.createElement('span');
  badge.className = 'emc-badge';
  badge.setAttribute('data-testid', 'em-unread');
  badge.hidden = true;
  el.appendChild(badge);
  el.addEventListener('click', onClick);
  document.body.appendChild(el);

  const path = el.querySelector('path');
  return {
    el,
    setUnread(count) {
      badge.hidden = count <= 0;
      badge.textContent = count > 9 ? '9+' : String(count);
      el.title = count > 0 ? `${el.getAttribute('aria-label')} (${count} unread)` : '';
      // The count is announced as the button's description, not in its name.
      if (count > 0) el.setAttribute('aria-description', `${count} unread`);
      else el.removeAttribute('aria-description');
    },
    setExpanded(open) {
      el.setAttribute('aria-expanded', String(open));
      el.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
      path?.setAttribute('d', open ? CLOSE_ICON : CHAT_ICON);
    },
  };
}

export function createFrame(src: string, before: Element, left = false): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.className = left ? 'emc-frame emc-left' : 'emc-frame';
  // Dictation in the widget (Web Speech API) needs the microphone delegated to the frame.
  iframe.allow = 'microphone';
  iframe.title = 'ElectroMart chat';
  iframe.src = src;
  iframe.setAttribute('data-testid', 'em-frame');
  // The launcher follows the iframe in the DOM so the narrow-screen rule can hide it while open.
  before.parentNode?.insertBefore(iframe, before);
  return iframe;
}
