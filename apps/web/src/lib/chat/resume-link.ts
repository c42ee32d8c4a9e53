/**
 * A link back from a follow-up mail opens /widget?siteKey=…#resume=<token> (issue 20; the token is
 * signed by the platform and names the conversation and the address it was mailed to). The widget
 * takes the token once, for its first handshake, and removes it from the address bar so it is not
 * bookmarked, shared or shown; from then on the ordinary session token resumes the conversation.
 */
export function takeResumeToken(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const m = /(?:^#|&)resume=([\w.-]+)/.exec(window.location.hash);
  if (!m) return undefined;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return m[1];
}
