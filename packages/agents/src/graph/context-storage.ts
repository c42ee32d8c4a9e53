import { AsyncLocalStorage } from 'node:async_hooks';
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { z } from 'zod';

// The variables LangChain reads to switch LangSmith tracing on (@langchain/core utils/callbacks).
const TRACING_VARIABLES = ['LANGSMITH_TRACING_V2', 'LANGCHAIN_TRACING_V2', 'LANGSMITH_TRACING', 'LANGCHAIN_TRACING'] as const;
type TracingEnv = Partial<Record<(typeof TRACING_VARIABLES)[number], string>>;

/** For an app's env schema: the tracing switches, read as LangChain reads them. */
export const tracingEnv = Object.fromEntries(TRACING_VARIABLES.map((v) => [v, z.string().optional()])) as Record<(typeof TRACING_VARIABLES)[number], z.ZodOptional<z.ZodString>>;

export const tracingRequested = (env: TracingEnv) => TRACING_VARIABLES.some((v) => env[v] === 'true');

/**
 * The graph is imported from `@langchain/langgraph/web`, the entry that does not install an
 * AsyncLocalStorage for LangChain's implicit config. Why (issue 18): on Node 20 a live
 * AsyncLocalStorage turns on promise hooks for every promise of the process, and LangChain then
 * also re-derives a callback manager on every runnable call: together about a tenth of a worker's
 * CPU. Our nodes take their config (abort signal, streaming callback) as an argument and call no
 * `getConfig()`, so nothing reads the implicit one. LangSmith tracing does: it nests a model call
 * under the graph's run through it, so when tracing is switched on the storage is installed as the
 * main entry would have (once per process; LangChain ignores a second call).
 */
export function installContextStorageForTracing(env: TracingEnv): boolean {
  if (!tracingRequested(env)) return false;
  AsyncLocalStorageProviderSingleton.initializeGlobalInstance(new AsyncLocalStorage());
  return true;
}
