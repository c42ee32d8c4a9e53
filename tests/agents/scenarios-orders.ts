// Part of the shared conversation scenarios (see scenarios.ts).
import { expect, it } from 'vitest';
import type { GraphSuite } from './graph-suite';
import { ALICE, TRACKING, expectNothingAboutBobsOrder } from './scenario-kit';

export function orderScenarios(suite: () => GraphSuite) {

  it('gives verified Alice the status and tracking of EM-10001', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('Where is my order EM-10001?');
    expect(t.agent).toBe('logistics');
    expect(t.reply).toMatch(/shipped/i);
    expect(t.reply).toContain(TRACKING);
    expect(t.sources).toContain('order:EM-10001');
  });

  it('follows up "what about EM-10002?" against the earlier order question', async () => {
    const c = await suite().chat({ as: ALICE });
    await c.say('Where is my order EM-10001?');
    const t = await c.say('what about EM-10002?');
    expect(t.agent).toBe('logistics');
    expect(t.reply).toMatch(/EM-10002/);
    expect(t.reply).toMatch(/processing/i);
    expect(t.reply).not.toContain(TRACKING);
  });

  it('tells verified Alice nothing about Bob\'s order EM-10003', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('Where is order EM-10003?');
    expectNothingAboutBobsOrder(t.reply);
    expect(t.sources).not.toContain('order:EM-10003');
  });

  it('asks an unverified session for the email, then answers once alice@example.com matches', async () => {
    const c = await suite().chat();
    const first = await c.say('Where is my order EM-10001?');
    expect(first.reply).toMatch(/email/i);
    expect(first.reply).not.toContain(TRACKING);
    const second = await c.say(ALICE);
    expect(second.agent).toBe('logistics');
    expect(second.reply).toContain(TRACKING);
    expect(second.reply).toMatch(/shipped/i);
  });

  it('refuses an unverified session whose email does not match the order', async () => {
    const c = await suite().chat();
    await c.say('Where is my order EM-10001?');
    const t = await c.say('it is bob@example.com');
    expect(t.reply).not.toContain(TRACKING);
    expect(t.reply).toMatch(/couldn't match/i);
  });

  it('keeps a guest who proved Alice\'s email away from Bob\'s order', async () => {
    const c = await suite().chat();
    await c.say('Where is my order EM-10001?');
    await c.say(ALICE);
    const t = await c.say('and where is order EM-10003?');
    expectNothingAboutBobsOrder(t.reply);
  });

  it('tells Alice the status of her own ticket and nothing of Bob\'s', async () => {
    const c = await suite().chat({ as: ALICE });
    const own = await c.say('What is the status of ticket TK-1001?');
    expect(own.reply).toMatch(/TK-1001/);
    expect(own.reply).toMatch(/open/);
    const other = await c.say('and ticket TK-1002?');
    expect(other.reply).not.toMatch(/flickers|pending/i);
  });

  it('opens a ticket for a verified customer from the problem described before, once per replay', async () => {
    const open = async () => {
      const c = await suite().chat({ as: ALICE });
      await c.say('The Voltra SlimKeys Keyboard I bought has keys that stopped working');
      return c.say('please open a ticket');
    };
    const first = await open();
    const number = /TK-\d{4}/.exec(first.reply)?.[0];
    expect(number).toBeDefined();
    expect(first.sources).toEqual([`ticket:${number}`]);
    // A retried job replays the same turn: it must find the same ticket, not open a second one.
    const replay = await open();
    expect(replay.reply).toContain(number!);
  });

  it('asks a guest who wants a ticket to identify first', async () => {
    const t = await (await suite().chat()).say('I want to open a support ticket');
    expect(t.reply).toMatch(/sign in|email/i);
    expect(t.reply).not.toMatch(/TK-\d/);
  });

  it('lists a verified customer\'s own orders, and only those', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('Where are my orders?');
    expect(t.reply).toContain('EM-10001');
    expect(t.reply).toContain('EM-10002');
    expect(t.reply).toContain(TRACKING);
    expectNothingAboutBobsOrder(t.reply);
    expect(t.reply).not.toContain('EM-10003');
  });
}
