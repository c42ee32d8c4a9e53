// The graph runs without LangChain's AsyncLocalStorage unless tracing asks for it (issue 18): the
// patched core then runs a runnable's body directly, and the turn's config still reaches the nodes.
import { describe, expect, it } from 'vitest';
import { AsyncLocalStorageProviderSingleton, MockAsyncLocalStorage } from '@langchain/core/singletons';
import { END, START, StateGraph, Annotation } from '@langchain/langgraph/web';
import { tracingRequested } from './context-storage';

describe('context storage', () => {
  it('is asked for only by the tracing variables LangChain reads', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ LANGSMITH_TRACING: 'false', LANGCHAIN_TRACING: '1' })).toBe(false);
    expect(tracingRequested({ LANGSMITH_TRACING: 'true' })).toBe(true);
    expect(tracingRequested({ LANGCHAIN_TRACING_V2: 'true' })).toBe(true);
  });

  it('without it, runWithConfig runs the body directly and a graph node still gets its signal and configurable', async () => {
    expect(AsyncLocalStorageProviderSingleton.getInstance()).toBeInstanceOf(MockAsyncLocalStorage);
    expect(AsyncLocalStorageProviderSingleton.runWithConfig({ tags: ['x'] }, () => 42)).toBe(42);
    expect(AsyncLocalStorageProviderSingleton.getRunnableConfig()).toBeUndefined();

    const S = Annotation.Root({ seen: Annotation<string>() });
    const signal = new AbortController().signal;
    const graph = new StateGraph(S)
      .addNode('look', (_s: typeof S.State, cfg?: { signal?: AbortSignal; configurable?: { who?: string } }) => ({
        seen: `${cfg?.configurable?.who}:${cfg?.signal?.aborted === false}`,
      }))
      .addEdge(START, 'look')
      .addEdge('look', END)
      .compile();
    expect(await graph.invoke({}, { signal, configurable: { who: 'alice' } })).toEqual({ seen: 'alice:true' });
  });
});
