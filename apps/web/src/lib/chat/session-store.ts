/**
 * Session tokens per site key and customer, so a reload (or a second tab) resumes the same
 * conversation, and switching customer never resumes the other one's. Storage can be blocked in
 * third-party iframes: then the widget simply starts a new session each load.
 */
const key = (siteKey: string, email?: string) => `em:session:${siteKey}:${email?.toLowerCase() ?? 'guest'}`;

export function readToken(siteKey: string, email?: string): string | undefined {
  try {
    return window.localStorage.getItem(key(siteKey, email)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeToken(siteKey: string, email: string | undefined, token: string): void {
  try {
    window.localStorage.setItem(key(siteKey, email), token);
  } catch {
    /* storage unavailable: nothing to resume next time */
  }
}

export function clearToken(siteKey: string, email?: string): void {
  try {
    window.localStorage.removeItem(key(siteKey, email));
  } catch {
    /* storage unavailable */
  }
}
