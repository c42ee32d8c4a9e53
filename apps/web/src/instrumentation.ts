/**
 * Runs once when the Next.js server starts (`next start`, `next dev`), not during `next build`.
 * The check itself is Node-only, hence its own module (Next also compiles this file for the edge).
 */
// NEXT_RUNTIME is not configuration but Next's compile-time switch: written literally, it lets the
// edge build drop the Node-only branch (a helper in env.ts would pull process.exit into the edge bundle).
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's compile-time switch, not configuration (above)
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}
