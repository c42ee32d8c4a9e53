import type { AgentHandoff } from '@em/contracts/events';
import type { AgentName, ConversationStatus } from '@em/contracts/schemas';
import { en, type Messages } from '../i18n/en';

const AI_AGENTS: AgentName[] = ['orchestrator', 'general', 'sales', 'marketing', 'support', 'logistics'];

/**
 * The badge on an AI bubble. Customers talk to one assistant: which internal specialist answered is
 * routing plumbing (the console shows it), so every AI reply carries the same name.
 */
export const agentLabel = (t: Messages, _agent?: AgentName | string) => t.assistant;

/** The badge's accessible description. */
export const agentTitle = (t: Messages, _agent?: AgentName) => t.aiAssistant;

/** The header's line under the title: who answers right now, so the customer never mistakes a person for the AI. */
export function ownerLine(t: Messages, status: ConversationStatus, agentName?: string): string {
  switch (status) {
    case 'bot':
    case 'resolved':
      return t.ownerAi;
    case 'waiting_human':
      return t.ownerWaiting;
    case 'human':
      return t.ownerPerson(agentName);
  }
}

export function statusText(t: Messages, status: ConversationStatus, agentName?: string, queuePosition?: number): string {
  switch (status) {
    case 'bot':
      return '';
    case 'waiting_human':
      return t.statusWaiting(queuePosition);
    case 'human':
      return t.statusJoined(agentName);
    case 'resolved':
      return t.statusResolved;
  }
}

const isAgentName = (s: string): s is AgentName => (AI_AGENTS as string[]).includes(s);

/** A person took the conversation: `to` is their display name (the gateway also posts a system message). */
export const isClaim = (h: AgentHandoff) => h.reason === 'claimed' || (!isAgentName(h.to) && h.to !== 'human');

/**
 * The inline notice for a handoff, or null where there is nothing the customer needs to read: a
 * person claiming the chat or handing it back (the gateway posts its own system message), and the
 * AI's internal routing between specialists.
 */
export function handoffText(h: AgentHandoff, t: Messages = en): string | null {
  if (h.to === 'human') return t.handoffToHuman;
  return null;
}
