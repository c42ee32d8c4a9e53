/**
 * Runs once when the Next.js server starts (`next start`, `next dev`), not during `next build`.
 * The check itself is Node-only, hence its own module (Next also compiles this file for the edge).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}
