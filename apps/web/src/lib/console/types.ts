import type { ConsoleNote } from '@em/contracts/events';

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  role: 'agent' | 'admin';
  active: boolean;
}

export interface ListItem {
  id: string;
  status: string;
  customerName: string | null;
  customerEmail: string | null;
  escalationReason: string | null;
  priority: number;
  assignedAgentId: string | null;
  assignedAgentName: string | null;
  waitingSince: string | null;
  lastMessageAt: string;
  lastMessage: string | null;
  csatScore: number | null;
}

export interface TurnMessage {
  id: string;
  seq: number;
  role: 'customer' | 'bot' | 'human' | 'system';
  agent?: string | null;
  authorName?: string | null;
  text: string;
  createdAt: string;
  route?: { domain: string; confidence: number; intent?: string } | null;
  sentiment?: { score: number; label: string } | null;
  sources?: string[];
  details?: {
    timings?: Record<string, number>;
    handoffs?: { from: string; to: string; reason: string }[];
    entities?: Record<string, unknown>;
    clarifying?: boolean;
    totalMs?: number;
  } | null;
}

export interface Detail {
  conversation: {
    id: string;
    status: string;
    escalationReason: string | null;
    priority: number;
    assignedAgentId: string | null;
    assignedAgentName: string | null;
    waitingSince: string | null;
    createdAt: string;
    csatScore: number | null;
  };
  customer: { id: string; name: string; email: string } | null;
  orders: { orderNumber: string; status: string; totalCents: number; carrier: string | null; trackingNumber: string | null; expectedDelivery: string | null }[];
  messages: TurnMessage[];
  notes: ConsoleNote[];
  brief: { reasonLabel: string | null; detail: string | null; summary: string; lastCustomerMessage: string | null; escalatedAt: string | null };
  suggestedReply: string;
}

export interface Canned {
  id: string;
  shortcut: string;
  title: string;
  text: string;
}
