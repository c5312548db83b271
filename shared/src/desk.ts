import type { ConversationView, CustomerView } from './conversations.js';

/**
 * A conversation as the agent desk sees it: the customer-facing
 * {@link ConversationView} plus what only agents need to serve the customer
 * (identity, where they came from, who is waiting on whom, receipts). Sent
 * on the `/agent` namespace only; the customer-facing view stays as it is.
 */
export interface AgentConversationView extends ConversationView {
  customer: CustomerView;
  region?: string;
  /** The support page the chat was started from. */
  pageUrl?: string;
  /** The customer's browser, as the widget reported it. */
  userAgent?: string;
  lastCustomerMessageAt?: string;
  lastAgentMessageAt?: string;
  /** Both sides' delivered/read marks (see ReceiptUpdated). */
  receipts: {
    customer: { deliveredSeq: number; readSeq: number };
    agent: { deliveredSeq: number; readSeq: number };
  };
  disposition?: string;
}

/** How long a customer may wait for the agent's reply before the desk warns (amber) and alarms (red). */
export interface ReplySla {
  amberMs: number;
  redMs: number;
}

/** `GET /api/desk/settings`: what the desk needs from the deployment's configuration. */
export interface DeskSettings {
  replySla: ReplySla;
}

/** One of a customer's conversations, for the desk's "previous conversations" list. */
export interface CustomerConversationSummary {
  id: string;
  caseNumber: string;
  status: ConversationView['status'];
  topic: string;
  language: ConversationView['language'];
  agentName?: string;
  createdAt: string;
  closedAt?: string;
  disposition?: string;
}

/** `GET /api/desk/transfer-targets`: where an agent may hand a chat (R4). */
export interface TransferTargets {
  departments: { id: string; name: string; openNow: boolean }[];
  /** Other active agents who are online or away (the server still checks their free capacity). */
  agents: { id: string; displayName: string; status: 'online' | 'away' | 'offline' }[];
}
