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

export function handoffText(h: AgentHandoff): string {
  if (h.to === 'human') return 'Connecting you with a person from our support team';
  return `${agentLabel(h.from)} passed your question to our ${agentLabel(h.to)} specialist`;
}
