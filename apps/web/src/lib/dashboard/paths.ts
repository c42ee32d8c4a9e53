/** Where the dashboard sends a visitor without a console session (the console's login page). */
export const LOGIN_PATH = '/login?next=/dashboard';

export const exportCsvUrl = (gatewayUrl: string, query: string) => `${gatewayUrl.replace(/\/$/, '')}/api/analytics/export.csv?${query}`;

/** Per-conversation CSV for the range (GET /api/analytics/conversations.csv). */
export const exportConversationsCsvUrl = (gatewayUrl: string, query: string) =>
  `${gatewayUrl.replace(/\/$/, '')}/api/analytics/conversations.csv?${query}`;

/** A conversation in the console (the console opens the conversation named by `c`). */
export const consoleConversationPath = (conversationId: string) => `/console?c=${encodeURIComponent(conversationId)}`;
