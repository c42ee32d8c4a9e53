/** Where the dashboard sends a visitor without a console session (the console's login page). */
export const LOGIN_PATH = '/login?next=/dashboard';

export const exportCsvUrl = (gatewayUrl: string, query: string) => `${gatewayUrl.replace(/\/$/, '')}/api/analytics/export.csv?${query}`;
