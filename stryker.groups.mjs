// @ts-check
/**
 * What `pnpm test:mutation` mutates, and which tests may kill each group's mutants. Read by
 * stryker.config.mjs (mutate) and vitest.mutation.config.ts (include). A mutant only runs the tests
 * that cover it, but each integration file it touches pays for its own database; keeping every group
 * to the tests that guard it is what makes a run fit in about 30 minutes on 2 cores.
 *
 * MUTATION_SCOPE=<group>[,<group>] (default: all) picks groups, e.g. MUTATION_SCOPE=worker.
 */
export const GROUPS = {
  // one reply per message, commit-time ownership, per-conversation order, retries and deadline
  worker: {
    // The AI's commit (exactly one reply, ownership at commit time) is packages/conversations'
    // use-cases/ai-turn.ts, mutated by `state`; its worker-level tests are listed there too.
    // Since issue 18 the turn's context (order blocker included) is one read: turn-context.ts.
    mutate: [
      'apps/worker/src/process-message.ts',
      'apps/worker/src/job-handler.ts',
      'apps/worker/src/live-reply.ts',
      'packages/db/src/queries/turn-context.ts',
      'packages/db/src/queries/messages.ts',
    ],
    tests: [
      'apps/worker/src/**/*.test.ts',
      'packages/conversations/src/ai-turns.int.test.ts',
      'tests/worker/{exactly-once,order-after-retry,retries,deadline,job-handler,recovery}.int.test.ts',
      // the worker's reads of messages (apology language, a retry's read-back, the sweeper's choice)
      'packages/db/src/queries/messages.int.test.ts',
      'tests/console/{claim-mid-turn,hand-back,worker-escalation}.int.test.ts',
    ],
  },
  // the conversation core: state machine, the one status change (context.ts), the use cases that move
  // ownership (claim / reassign / release / resolve), hand to humans and commit the AI's turn, the
  // owner-only reply and typing (messages.ts from line 47: the widget's ingest above it is `gateway`'s),
  // announcements; seq assignment, the row lock and status rows (db conversations.ts). queue.ts only
  // lists the queue since issue 17 and is no longer mutated.
  state: {
    mutate: [
      'packages/conversations/src/machine.ts',
      'packages/conversations/src/context.ts',
      'packages/conversations/src/use-cases/ownership.ts',
      'packages/conversations/src/use-cases/hand-to-humans.ts',
      'packages/conversations/src/use-cases/ai-turn.ts',
      'packages/conversations/src/use-cases/messages.ts:47-80',
      // the AI's reply, events and language in one statement (issue 18)
      'packages/db/src/queries/ai-reply.ts',
      'packages/conversations/src/announcer.ts',
      'packages/db/src/queries/conversations.ts',
    ],
    tests: [
      'packages/conversations/src/**/*.test.ts',
      'tests/console/{claim,claim-mid-turn,hand-back,typing-owner,no-agent-ticket,worker-escalation,status-walk}.int.test.ts',
      'tests/worker/exactly-once.int.test.ts',
      'tests/chat-flow.int.test.ts',
    ],
  },
  // token audience and signatures, identity proof, widget ingest (validation, dedup, seq, enqueue)
  gateway: {
    mutate: [
      'apps/gateway/src/jwt.ts',
      'apps/gateway/src/session-token.ts',
      'apps/gateway/src/console/console-tokens.ts',
      'packages/config/src/identity.ts',
      'apps/gateway/src/chat/handlers.ts',
      // the widget's ingest (acceptCustomerMessage) since issue 17, and its one statement since issue 18
      'packages/conversations/src/use-cases/messages.ts:21-46',
      'packages/db/src/queries/customer-message.ts',
    ],
    tests: [
      'apps/gateway/src/**/*.test.ts',
      'packages/conversations/src/ingest.int.test.ts',
      'tests/gateway/{sessions,reliability}.int.test.ts',
      'tests/{chat-flow,console-auth}.int.test.ts',
    ],
  },
  // escalation rules, the grounding guard, prompt building
  agents: {
    mutate: [
      'packages/agents/src/graph/orchestrator.ts',
      'packages/agents/src/graph/escalation.ts',
      'packages/agents/src/model/grounding.ts',
      'packages/agents/src/model/prompts.ts',
    ],
    tests: [
      'packages/agents/src/model/*.test.ts',
      'packages/agents/src/graph/*.test.ts',
      'tests/agents/{guarantees-escalation,guarantees-prompts,guarantees-guest-proof,injection}.int.test.ts',
      'tests/agents/{escalation-decision,orchestrator-person-rule}.test.ts',
    ],
  },
  // the dashboard's formulas
  analytics: {
    mutate: ['packages/db/src/queries/analytics.ts', 'packages/db/src/queries/analytics-ai.ts', 'packages/db/src/queries/analytics-humans.ts'],
    tests: ['tests/analytics/*.int.test.ts'],
  },
};

/** @returns {(keyof typeof GROUPS)[]} */
/** @param {string | undefined} scope MUTATION_SCOPE, read by scripts/lib/env.ts */
export function selectedGroups(scope) {
  const names = (scope || Object.keys(GROUPS).join(',')).split(',').map((s) => s.trim());
  const unknown = names.filter((g) => !(g in GROUPS));
  if (unknown.length) throw new Error(`MUTATION_SCOPE: unknown group(s) ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
  return /** @type {(keyof typeof GROUPS)[]} */ (names);
}
