import { env } from './env';

// Reading the env at start makes a production server with the development SITE_IDENTITY_SECRET (or
// a malformed setting) exit at once instead of failing its first request (issue 15, finding 1).
try {
  env();
} catch (err) {
  console.error(`[web] refusing to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
