// Plays cases against the REAL graph in this process, on a throwaway migrated and seeded database,
// carrying history and memory between turns as the worker does (it keeps them in Postgres/Redis).
// An escalation goes through the production handoff path (the conversation service's escalate): with nobody online that
// opens a ticket, tells the customer and gives the conversation back to the AI (DESIGN §5). Like the
// worker, a turn is answered only while the AI owns the conversation, so a handoff that leaves it
// waiting shows up as a dead end.
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb } from '@em/db/client';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { createConversation, getConversation, listMessages } from '@em/db/queries/conversations';
import { getCustomerByEmail } from '@em/db/queries/orders';
import { createAnnouncer } from '@em/conversations/announcer';
import { createConversationService } from '@em/conversations/service';
import { DEMO_SITE_KEY } from '@em/db/seed/fixtures';
import { emptyMemory, runTurn, type Memory } from '@em/agents/graph';
import { migrateAndSeed } from '../database';
import { CUSTOMERS, type Case } from './case-schema';
import type { Observation } from './check';
import { AGENTS_SRC, buildEvalGraph } from './graph';
import { loadWorld, type World } from './world';
import type { Player } from './player';

/** The worker emits through Redis; here nobody listens, so the handoff's broadcasts go nowhere. */
const silent = { to: () => ({ emit: () => true }) };
const SILENT = createAnnouncer({ chat: silent, agents: silent });

export async function startInProcess(): Promise<Player> {
  const dbName = uniqueName('eval_conv');
  const url = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  const dbh = createDb(url, { max: 4 });
  const drop = async () => {
    await dbh.close();
    await dropDatabase(TEST_PG_ADMIN_URL, dbName);
  };
  let graph: Awaited<ReturnType<typeof buildEvalGraph>>;
  let world: World;
  try {
    await migrateAndSeed(url);
    graph = await buildEvalGraph(dbh.db);
    world = await loadWorld(dbh.sql, { agentsSrc: AGENTS_SRC });
  } catch (err) {
    await drop();
    throw err;
  }

  async function play(c: Case): Promise<Observation[]> {
    const customer = c.customer === 'guest' ? null : await getCustomerByEmail(dbh.db, CUSTOMERS[c.customer]);
    if (c.customer !== 'guest' && !customer) throw new Error(`seed lacks ${c.customer}`);
    // A conversation row of its own, so tickets and handoffs link to it as in production.
    const conv = await createConversation(dbh.db, { siteKey: DEMO_SITE_KEY, customerId: customer?.id ?? null });
    const history: Array<{ role: string; text: string; agent?: string }> = [];
    let memory: Memory = emptyMemory();
    let seenSeq = 0;
    const observations: Observation[] = [];
    for (const turn of c.turns) {
      const status = (await getConversation(dbh.db, conv.id))?.status;
      if (status === 'waiting_human' || status === 'human') {
        // A person owns the chat: the AI stays silent (DESIGN §5), so this turn gets no AI answer.
        observations.push({ text: '', replied: false, escalated: false, latencyMs: 0, error: `${status}: the AI does not answer` });
        continue;
      }
      const t0 = performance.now();
      try {
        const out = await runTurn(graph, {
          text: turn.say,
          history: [...history],
          verifiedCustomerId: customer?.id,
          customerName: customer?.name,
          conversationId: conv.id,
          memory,
        });
        const shown = [out.reply];
        history.push({ role: 'customer', text: turn.say }, { role: 'bot', text: out.reply, agent: out.agent });
        memory = out.memory;
        if (out.escalation) {
          const presence = { list: async () => [], onlineCount: async () => (c.agentsOnline ? 1 : 0) };
          await createConversationService({ db: dbh.db, presence, announce: SILENT }).escalate({
            conversationId: conv.id,
            from: out.agent,
            reason: out.escalation.reason,
            detail: out.escalation.detail,
            sentiment: out.sentiment.label,
            urgent: out.sentiment.urgent,
          });
          const notices = (await listMessages(dbh.db, conv.id, seenSeq)).filter((m) => m.role === 'system');
          seenSeq = Math.max(seenSeq, ...notices.map((m) => m.seq));
          for (const n of notices) {
            shown.push(n.text);
            history.push({ role: 'system', text: n.text });
          }
        }
        observations.push({ text: shown.join('\n'), reply: out.reply, replied: true, route: out.route.domain, escalated: !!out.escalation, latencyMs: performance.now() - t0 });
      } catch (err) {
        observations.push({ text: '', replied: false, escalated: false, latencyMs: performance.now() - t0, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return observations;
  }

  return {
    world,
    mode: 'in-process',
    // One case at a time: the graph is CPU-bound and the machine is shared.
    concurrency: 1,
    play,
    close: drop,
  };
}
