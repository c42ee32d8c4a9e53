import type { AgentHandoff } from '@em/contracts/events';
import type { AgentName, ConversationStatus } from '@em/contracts/schemas';

const AGENT_LABELS: Record<AgentName, string> = {
  orchestrator: 'Assistant',
  general: 'Assistant',
  sales: 'Sales',
  marketing: 'Marketing',
  support: 'Support',
  logistics: 'Logistics',
};

/** The specialist badge on a bot bubble ("Support", "Sales", …). */
export const agentLabel = (agent?: AgentName | string) =>
  (agent && AGENT_LABELS[agent as AgentName]) || 'Assistant';

/** "Sales specialist" for a badge's accessible description. */
export const agentTitle = (agent?: AgentName) => {
  const label = agentLabel(agent);
  return label === 'Assistant' ? 'AI assistant' : `AI ${label.toLowerCase()} specialist`;
};

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

const isAgentName = (s: string): s is AgentName => s in AGENT_LABELS;

/** A person took the conversation: `to` is their display name (the gateway also posts a system message). */
export const isClaim = (h: AgentHandoff) => h.reason === 'claimed' || (!isAgentName(h.to) && h.to !== 'human');

/**
 * The inline notice for a handoff, or null where the gateway already posts its own system message
 * (a person claiming the chat, or handing it back to the AI).
 */
export function handoffText(h: AgentHandoff): string | null {
  if (h.to === 'human') return 'Connecting you with a person from our support team';
  if (isClaim(h) || h.reason === 'handed_back' || !isAgentName(h.from)) return null;
  if (agentLabel(h.from) === agentLabel(h.to)) return null;
  return `${agentLabel(h.from)} passed your question to our ${agentLabel(h.to)} specialist`;
}
