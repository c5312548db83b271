import type { MessageView, Prechat } from '@switchboard/shared';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import type { TestServer } from '../support/test-server.js';

/** Short thresholds for the jobs tests: every idle step takes well under a second. */
export const FAST_JOBS_ENV = {
  CUSTOMER_MESSAGE_RATE: '1000',
  AGENT_MESSAGE_RATE: '1000',
  AGENT_REPLY_SLA: '400ms',
  CUSTOMER_IDLE_NUDGE: '800ms',
  CUSTOMER_IDLE_CLOSE: '800ms',
  TRANSCRIPT_BACKOFF: '100ms',
  JOB_LOCK: '1s',
  IDLE_TIMER_SWEEP: '1s',
};

export interface Chat {
  customer: TestCustomer;
  desk: TestAgentDesk;
  conversationId: string;
  caseNumber: string;
  close(): void;
}

/** A customer (on `customerServer`) with a conversation assigned to a fresh agent (on `agentServer`). */
export async function openChat(
  customerServer: TestServer,
  options: { agentServer?: TestServer; prechat?: Partial<Prechat>; agentName?: string } = {},
): Promise<Chat> {
  const agentServer = options.agentServer ?? customerServer;
  const customer = new TestCustomer(customerServer.url);
  await customer.connect();
  const { conversation } = await customer.start({ ...defaultPrechat, ...options.prechat });
  const desk = await TestAgentDesk.open(agentServer, { displayName: options.agentName ?? 'Lei' });
  await agentServer.app.services.conversations.assign(conversation.id, desk.principal);
  desk.log(conversation.id);
  await customer.waitFor(() => customer.bodies(conversation.id).length >= 1);
  return {
    customer,
    desk,
    conversationId: conversation.id,
    caseNumber: conversation.caseNumber,
    close() {
      customer.disconnect();
      desk.disconnect();
    },
  };
}

/** Messages of a system event in a participant's log, in order. */
export function systemMessages(
  participant: { log(id: string): { list(): MessageView[] } },
  conversationId: string,
  event: string,
): MessageView[] {
  return participant
    .log(conversationId)
    .list()
    .filter((message) => message.system?.event === event);
}
