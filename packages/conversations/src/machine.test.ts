import { describe, expect, it } from 'vitest';
import { STATUSES, TRANSITIONS, aiMaySpeak, can, transitionFor, type Actor } from './machine';

const ann: Actor = { kind: 'agent', userId: 'ann' };
const bob: Actor = { kind: 'agent', userId: 'bob' };
const boss: Actor = { kind: 'admin', userId: 'boss' };
const customer: Actor = { kind: 'customer' };
const ai: Actor = { kind: 'ai' };

describe('conversation state machine (DESIGN §5)', () => {
  it('walks bot → waiting_human → human → resolved → bot, and human → bot on hand-back', () => {
    expect(transitionFor(customer, 'request_human', { status: 'bot' })?.to).toBe('waiting_human');
    expect(transitionFor(ann, 'claim', { status: 'waiting_human' })?.to).toBe('human');
    expect(transitionFor(ann, 'resolve', { status: 'human', assignedAgentId: 'ann' })?.to).toBe('resolved');
    expect(transitionFor(ai, 'ai_reply', { status: 'resolved' })).toMatchObject({ to: 'bot', event: 'status_changed' });
    expect(transitionFor(ann, 'release', { status: 'human', assignedAgentId: 'ann' })?.to).toBe('bot');
    expect(transitionFor(ai, 'escalate', { status: 'bot' })?.to).toBe('waiting_human');
    expect(transitionFor({ kind: 'system' }, 'return_with_ticket', { status: 'waiting_human' })?.to).toBe('bot');
  });

  it('the AI never speaks while a person is asked for or owns the chat', () => {
    expect(STATUSES.filter(aiMaySpeak)).toEqual(['bot', 'resolved']);
    expect(can(ai, 'escalate', { status: 'waiting_human' })).toBe(false);
    expect(can(ai, 'escalate', { status: 'human' })).toBe(false);
  });

  it("an admin plays the agent's part only: never the customer's, the AI's or the system's (issue 16 mutant)", () => {
    expect(can(boss, 'request_human', { status: 'bot' })).toBe(false);
    expect(can(boss, 'ai_reply', { status: 'bot' })).toBe(false);
    expect(can(boss, 'return_with_ticket', { status: 'waiting_human' })).toBe(false);
    expect(can(boss, 'rate', { status: 'resolved' })).toBe(false);
  });

  it('only the owner (or an admin, except for writing) acts on a claimed chat', () => {
    const owned = { status: 'human' as const, assignedAgentId: 'ann' };
    expect(can(bob, 'release', owned)).toBe(false);
    expect(can(bob, 'resolve', owned)).toBe(false);
    expect(can(boss, 'release', owned)).toBe(true);
    expect(can(boss, 'resolve', owned)).toBe(true);
    expect(can(ann, 'agent_reply', owned)).toBe(true);
    expect(can(bob, 'agent_reply', owned)).toBe(false);
    expect(can(boss, 'agent_reply', owned)).toBe(false);
  });

  it('claims: a waiting chat, or an AI-served one whose handoff ticket waits; never twice', () => {
    expect(can(ann, 'claim', { status: 'bot' })).toBe(false);
    expect(can(ann, 'claim', { status: 'bot', openTicket: true })).toBe(true);
    expect(can(bob, 'claim', { status: 'human', assignedAgentId: 'ann' })).toBe(false);
    expect(can(customer, 'claim', { status: 'waiting_human' })).toBe(false);
  });

  it('admins alone reassign and resolve a waiting chat', () => {
    expect(can(ann, 'reassign', { status: 'waiting_human' })).toBe(false);
    expect(can(boss, 'reassign', { status: 'waiting_human' })).toBe(true);
    expect(transitionFor(boss, 'reassign', { status: 'human', assignedAgentId: 'ann' })).toMatchObject({ to: 'human', event: 'status_changed' });
    expect(can(ann, 'resolve', { status: 'waiting_human' })).toBe(false);
    expect(can(boss, 'resolve', { status: 'waiting_human' })).toBe(true);
  });

  it('every status change writes status_changed; staying put writes nothing (except a reassignment)', () => {
    for (const t of TRANSITIONS) expect(t.event).toBe(t.from !== t.to || t.action === 'reassign' ? 'status_changed' : null);
    expect(STATUSES.every((status) => can(customer, 'rate', { status }))).toBe(true);
  });
});
