import { describe, expect, it } from 'vitest';
import { createRouter, loadRouterModel } from '../router/router';
import { createModel } from './create-model';

const router = createRouter(loadRouterModel());

describe('provider selection', () => {
  it('serves offline without a key or when asked', () => {
    expect(createModel(router, { model: 'gpt-4o-mini' }).name).toBe('offline');
    expect(createModel(router, { provider: 'offline', apiKey: 'sk-x', model: 'gpt-4o-mini' }).name).toBe('offline');
  });
  it('uses openai when asked, or when a key is present and nothing was asked', () => {
    expect(createModel(router, { apiKey: 'sk-x', model: 'gpt-4o-mini' }).name).toBe('openai');
    expect(createModel(router, { provider: 'openai', baseURL: 'http://127.0.0.1:1/v1', model: 'local' }).name).toBe('openai');
  });
  it('lets the network model call tools only when tool steps are configured', () => {
    expect(createModel(router, { apiKey: 'sk-x', model: 'gpt-4o-mini', toolSteps: 4 }).act).toBeTypeOf('function');
    expect(createModel(router, { apiKey: 'sk-x', model: 'gpt-4o-mini' }).act).toBeUndefined();
    expect(createModel(router, { apiKey: 'sk-x', model: 'gpt-4o-mini', toolSteps: 0 }).act).toBeUndefined();
  });
  it('refuses openai with neither a key nor a local server', () => {
    expect(() => createModel(router, { provider: 'openai', model: 'gpt-4o-mini' })).toThrow(/OPENAI_API_KEY/);
  });
});
