import pino, { type Logger } from 'pino';

/** Paths that may carry secrets or personal data; pino replaces them with "[redacted]". */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'sessionToken',
  '*.sessionToken',
  'email',
  '*.email',
  'identity',
  '*.identity',
  'apiKey',
  '*.apiKey',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export function createLogger(name: string, level = 'info'): Logger {
  return pino({ name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
export type { Logger };
