/**
 * The conversation state machine of DESIGN §5, as data: who may do what to a conversation in which
 * state, and where it goes. The server's use cases (service.ts) decide with it inside the row lock;
 * the widget and the console import it to enable exactly the buttons the server will accept.
 * Deliberately free of dependencies (not even zod) so the browser bundles only this table.
 */
export const STATUSES = ['bot', 'waiting_human', 'human', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

/** Who acts. An admin is an agent with more rights: a row for `agent` admits an admin too. */
export type ActorKind = 'customer' | 'ai' | 'agent' | 'admin' | 'system';
export type Actor = { kind: 'customer' } | { kind: 'ai' } | { kind: 'system' } | { kind: 'agent' | 'admin'; userId: string };

export type Action =
  /** The customer asks for a person ("Talk to a person", or says so). */
  | 'request_human'
  /** The AI hands over: sentiment, repeated failure, policy (EscalationReason). */
  | 'escalate'
  /** Nobody is online: a ticket is opened and the AI keeps answering meanwhile. */
  | 'return_with_ticket'
  | 'claim'
  /** The owner hands the conversation back to the AI. */
  | 'release'
  | 'resolve'
  | 'reassign'
  /** The AI commits its reply to a customer message. */
  | 'ai_reply'
  /** An agent writes to the customer (or types, which the customer sees). */
  | 'agent_reply'
  | 'rate';

/** What must also hold, beyond the state; checked on the conversation as loaded under its row lock. */
export type Guard =
  /** The acting agent owns it; an admin may act for the owner. */
  | 'owner'
  /** The acting agent owns it; nobody speaks to the customer in another agent's name. */
  | 'self_owner'
  /** The AI serves it but a handoff ticket (nobody was online) still waits for a person. */
  | 'open_ticket';

export interface Transition {
  from: Status;
  action: Action;
  actor: ActorKind;
  to: Status;
  guard?: Guard;
  /** The analytics event the move writes with the state, in the same transaction. */
  event: 'status_changed' | null;
}

const row = (from: Status, action: Action, actor: ActorKind, to: Status, guard?: Guard): Transition => ({
  from,
  action,
  actor,
  to,
  ...(guard ? { guard } : {}),
  // A reassignment stays `human` but changes the owner: it is logged like a status change.
  event: from === to && action !== 'reassign' ? null : 'status_changed',
});

export const TRANSITIONS: readonly Transition[] = [
  row('bot', 'request_human', 'customer', 'waiting_human'),
  row('resolved', 'request_human', 'customer', 'waiting_human'),
  row('bot', 'escalate', 'ai', 'waiting_human'),
  row('resolved', 'escalate', 'ai', 'waiting_human'),
  row('waiting_human', 'return_with_ticket', 'system', 'bot'),
  row('waiting_human', 'claim', 'agent', 'human'),
  row('bot', 'claim', 'agent', 'human', 'open_ticket'),
  row('human', 'release', 'agent', 'bot', 'owner'),
  row('human', 'resolve', 'agent', 'resolved', 'owner'),
  row('waiting_human', 'resolve', 'admin', 'resolved'),
  row('waiting_human', 'reassign', 'admin', 'human'),
  row('human', 'reassign', 'admin', 'human'),
  // The customer wrote again after a resolve: the AI answers and owns it again.
  row('resolved', 'ai_reply', 'ai', 'bot'),
  row('bot', 'ai_reply', 'ai', 'bot'),
  row('human', 'agent_reply', 'agent', 'human', 'self_owner'),
  ...(['bot', 'waiting_human', 'human', 'resolved'] as const).map((s) => row(s, 'rate', 'customer', s)),
];

/** What the machine needs to know of a conversation. */
export interface ConversationSnapshot {
  status: Status;
  assignedAgentId?: string | null;
  /** An open handoff ticket waits for a person (see `open_ticket`). */
  openTicket?: boolean;
}

function guardHolds(guard: Guard | undefined, actor: Actor, c: ConversationSnapshot): boolean {
  switch (guard) {
    case undefined:
      return true;
    case 'open_ticket':
      return !!c.openTicket;
    case 'owner':
      return actor.kind === 'admin' || ('userId' in actor && c.assignedAgentId === actor.userId);
    case 'self_owner':
      return 'userId' in actor && c.assignedAgentId === actor.userId;
  }
}

const playsRole = (actor: Actor, role: ActorKind) => actor.kind === role || (role === 'agent' && actor.kind === 'admin');

/** The transition `actor` may take with `action` on `c`, or null when the machine refuses it. */
export function transitionFor(actor: Actor, action: Action, c: ConversationSnapshot): Transition | null {
  return TRANSITIONS.find((t) => t.action === action && t.from === c.status && playsRole(actor, t.actor) && guardHolds(t.guard, actor, c)) ?? null;
}

export function can(actor: Actor, action: Action, c: ConversationSnapshot): boolean {
  return transitionFor(actor, action, c) !== null;
}

/** While a person is asked for or owns the chat, the AI never replies (DESIGN §5). */
export const aiMaySpeak = (status: Status) => can({ kind: 'ai' }, 'ai_reply', { status });
