// Graph-level harness: the REAL support graph (orchestrator, specialists, escalation, respond) on a
// fresh, migrated and seeded Postgres database of its own, with a pluggable model provider. A
// `Chat` keeps history and entity memory between turns exactly as the worker does (stored with each reply there).
import path from 'node:path';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { getCustomerByEmail } from '@em/db/queries/orders';
import { listProducts, type Product } from '@em/db/queries/catalog';
import { createSupportGraph, emptyMemory, runTurn, type Memory, type SupportGraph, type TurnOutput } from '@em/agents/graph';
import { loadAiResources } from '@em/agents/resources';
import type { IntentRouter } from '@em/agents/router';
import { createOfflineModel, type ModelPort } from '@em/agents/model';
import { migrateAndSeed } from '../../scripts/lib/database';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface Turn extends TurnOutput {
  deltas: string[];
}

export interface Chat {
  say(text: string, opts?: { signal?: AbortSignal }): Promise<Turn>;
  memory(): Memory;
}

export interface GraphSuite {
  dbh: DbHandle;
  catalog: Product[];
  router: IntentRouter;
  /** The graph itself, for what runs outside a conversation (the worker's warm-up). */
  graph: SupportGraph;
  /** A conversation; `as` verifies the session for that customer (identity HMAC in production). */
  chat(opts?: { as?: string }): Promise<Chat>;
  stop(): Promise<void>;
}

export async function startGraphSuite(label: string, makeModel?: (router: IntentRouter) => ModelPort): Promise<GraphSuite> {
  const dbName = uniqueName(label);
  const dbUrl = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(dbUrl);
  const dbh = createDb(dbUrl, { max: 5 });
  const ai = loadAiResources({ kbDir: path.join(repoRoot, 'knowledge-base'), routerModelPath: path.join(repoRoot, 'packages/agents/generated/router-model.json') });
  const catalog = await listProducts(dbh.db, 1000);
  const graph = createSupportGraph({
    db: dbh.db,
    ...ai,
    model: makeModel ? makeModel(ai.router) : createOfflineModel(ai.router),
    catalog,
  });
  return {
    dbh,
    catalog,
    router: ai.router,
    graph,
    async chat(opts = {}) {
      const customer = opts.as ? await getCustomerByEmail(dbh.db, opts.as) : null;
      if (opts.as && !customer) throw new Error(`no seeded customer ${opts.as}`);
      const history: Array<{ role: string; text: string; agent?: string }> = [];
      let memory = emptyMemory();
      return {
        memory: () => memory,
        async say(text, turnOpts = {}) {
          const deltas: string[] = [];
          const out = await runTurn(
            graph,
            { text, history: [...history], verifiedCustomerId: customer?.id, customerName: customer?.name, memory },
            { signal: turnOpts.signal, onDelta: (d) => deltas.push(d) },
          );
          history.push({ role: 'customer', text }, { role: 'bot', text: out.reply, agent: out.agent });
          memory = out.memory;
          return { ...out, deltas };
        },
      };
    },
    async stop() {
      await dbh.close();
      await dropDatabase(TEST_PG_ADMIN_URL, dbName);
    },
  };
}
