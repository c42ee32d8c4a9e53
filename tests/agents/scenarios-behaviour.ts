// Part of the shared conversation scenarios (see scenarios.ts).
import { expect, it } from 'vitest';
import type { GraphSuite } from './graph-suite';
import { ALICE } from './scenario-kit';

export function behaviourScenarios(suite: () => GraphSuite) {

  it('greets and says what it can do', async () => {
    const t = await (await suite().chat()).say('Hello!');
    expect(t.agent).toBe('general');
    expect(t.reply).toMatch(/hello/i);
  });

  it('greets a verified customer by first name', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('Hi there');
    expect(t.reply).toContain('Alice');
  });

  it('escalates an angry message to a person, recording the reason', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('This is terrible, awful service! I hate this, my order is a disaster!!!');
    expect(t.sentiment.label).toBe('very_negative');
    expect(t.escalation?.reason).toBe('negative_sentiment');
    expect(t.reply).toMatch(/support team/i);
  });

  it('escalates "let me talk to a person"', async () => {
    const t = await (await suite().chat()).say('let me talk to a person');
    expect(t.escalation?.reason).toBe('customer_request');
    expect(t.route.domain).toBe('human');
  });

  it('escalates negative twice in a row with urgency words', async () => {
    const c = await suite().chat({ as: ALICE });
    const first = await c.say('my package is late and I am not happy');
    expect(first.escalation).toBeUndefined();
    const t = await c.say('this is bad, I need it today, it is urgent');
    expect(t.escalation?.reason).toBe('negative_sentiment');
  });

  it('sends a legal or safety issue to a person', async () => {
    const t = await (await suite().chat()).say('My charger caught fire and started to smoke');
    expect(t.escalation?.reason).toBe('policy');
  });

  it('asks a short clarifying question when the message is too vague to route', async () => {
    const t = await (await suite().chat()).say('zzqx vvbn plorf');
    expect(t.clarifying).toBe(true);
    expect(t.reply).toMatch(/\?/);
  });

  it('answers an out-of-scope question politely from general', async () => {
    const t = await (await suite().chat()).say('What is the capital of France?');
    expect(['general']).toContain(t.agent);
    expect(t.reply).not.toMatch(/Paris/);
  });

  it('measures sentiment and urgency on every message', async () => {
    const c = await suite().chat();
    const a = await c.say('Thanks, that is great!');
    expect(a.sentiment.label).toBe('positive');
    const b = await c.say('I need the Nimbus X5 urgently');
    expect(b.sentiment.urgent).toBe(true);
  });

  it('streamed pieces, when the model streams, add up to the whole reply (the offline model makes it in one piece)', async () => {
    const t = await (await suite().chat()).say('What is your return policy?');
    expect(t.reply).toMatch(/30 days/);
    expect(t.deltas.join('')).toBe(t.deltas.length ? t.reply : '');
  });

  it('aborts the turn when the job deadline signal fires', async () => {
    const c = await suite().chat();
    await expect(c.say('What is your return policy?', { signal: AbortSignal.abort(new Error('deadline exceeded')) })).rejects.toThrow(/deadline/);
  });

  it('reports usage and whether the answer came from data', async () => {
    const c = await suite().chat();
    const ok = await c.say('What is your return policy?');
    expect(ok.fallback).toBe(false);
    expect(ok.usage?.provider).toMatch(/offline|openai/);
    const miss = await c.say('Do you sell the Zorblax Quantum 9000 hoverboard?');
    expect(miss.fallback).toBe(true);
  });

  it('hands over to a person when the assistant fails to answer twice in a row', async () => {
    const c = await suite().chat();
    const first = await c.say('Do you sell the Zorblax Quantum 9000 hoverboard?');
    expect(first.fallback).toBe(true);
    expect(first.escalation).toBeUndefined();
    const second = await c.say('Do you sell the Zorblax Quantum 8000 hoverboard, then?');
    expect(second.escalation?.reason).toBe('ai_failed');
    expect(second.reply).toMatch(/support team/);
  });
}
