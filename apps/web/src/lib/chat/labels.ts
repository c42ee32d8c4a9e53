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
export const agentLabel = (agent?: AgentName) => (agent ? AGENT_LABELS[agent] : 'Assistant');

export const STATUS_TEXT: Record<ConversationStatus, string> = {
  bot: '',
  waiting_human: 'Waiting for a person…',
  human: 'A person has joined',
  resolved: 'This conversation is resolved',
};
