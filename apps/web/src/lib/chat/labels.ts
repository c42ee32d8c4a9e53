import type { AgentHandoff } from '@em/contracts/events';
import type { AgentName, ConversationStatus } from '@em/contracts/schemas';

const AI_AGENTS: AgentName[] = ['orchestrator', 'general', 'sales', 'marketing', 'support', 'logistics'];

/**
 * The badge on an AI bubble. Customers talk to one assistant: which internal specialist answered is
 * routing plumbing (the console shows it), so every AI reply carries the same name.
 */
export const agentLabel = (_agent?: AgentName | string) => 'Assistant';

/** The badge's accessible description. */
export const agentTitle = (_agent?: AgentName) => 'AI assistant';

/** The header's line under the title: who answers right now, so the customer never mistakes a person for the AI. */
export function ownerLine(status: ConversationStatus, agentName?: string): string {
  switch (status) {
    case 'bot':
    case 'resolved':
      return 'AI answers instantly';
    case 'waiting_human':
      return 'Waiting for a person';
    case 'human':
      return agentName ? `You are chatting with ${agentName}` : 'You are chatting with a person';
  }
}

export function statusText(status: ConversationStatus, agentName?: string, queuePosition?: number): string {
  switch (status) {
    case 'bot':
      return '';
    case 'waiting_human':
      return queuePosition
        ? `Waiting for a person… You are number ${queuePosition} in the queue.`
        : 'Waiting for a person…';
    case 'human':
      return agentName ? `${agentName} has joined the chat` : 'A person has joined the chat';
    case 'resolved':
      return 'This conversation is resolved';
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
export function handoffText(h: AgentHandoff): string | null {
  if (h.to === 'human') return 'Connecting you with a person from our support team';
  return null;
}
