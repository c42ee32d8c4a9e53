import { describe, expect, it } from 'vitest';
import { agentFilter, scopeHumans, scopeOf } from './analytics-scope';

const humans = {
  overall: { agentId: null, conversations: 3 },
  perAgent: [{ agentId: 'sam', conversations: 2 }, { agentId: 'morgan', conversations: 1 }],
};

describe('analytics scope: agents see their own numbers, admins all', () => {
  it('an admin gets every agent row', () => {
    const scope = scopeOf({ role: 'admin', userId: 'morgan' });
    expect(scopeHumans(humans, scope)).toEqual({ ...humans, scope: 'all' });
    expect(agentFilter(scope)).toBeUndefined();
  });

  it('an agent gets their own row and the team totals', () => {
    const scope = scopeOf({ role: 'agent', userId: 'sam' });
    expect(scopeHumans(humans, scope)).toEqual({ overall: humans.overall, perAgent: [humans.perAgent[0]], scope: 'own' });
    expect(agentFilter(scope)).toBe('sam');
  });

  it('an agent with no human-handled conversation in the range gets no row, not someone else’s', () => {
    expect(scopeHumans(humans, scopeOf({ role: 'agent', userId: 'new' })).perAgent).toEqual([]);
  });
});
