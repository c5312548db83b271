import type { AgentConversationView, CustomerView } from '@switchboard/shared';
import type { CustomersService } from '../customers/customers.service.js';
import type { ConversationDocument } from './conversation.model.js';
import { toConversationView } from './conversation-view.js';

const iso = (date: Date | null | undefined) => date?.toISOString();

/**
 * The agent desk's view of conversations: the customer-facing view
 * plus identity, origin, reply timestamps and receipts. Customers are read in
 * one query for the whole list, so a session snapshot costs two reads.
 */
export async function toAgentConversationViews(
  customers: Pick<CustomersService, 'contactsOf'>,
  conversations: readonly ConversationDocument[],
): Promise<AgentConversationView[]> {
  if (conversations.length === 0) return [];
  const ids = [...new Set(conversations.map((c) => c.customerId.toHexString()))];
  const found = await customers.contactsOf(ids);
  const byId = new Map(found.map((customer) => [customer._id.toHexString(), customer]));
  return conversations.map((conversation) => {
    const stored = byId.get(conversation.customerId.toHexString());
    const prechat = conversation.prechat ?? {};
    const name = prechat.name ?? stored?.name ?? undefined;
    const email = prechat.email ?? stored?.email ?? undefined;
    const customer: CustomerView = {
      id: conversation.customerId.toHexString(),
      verified: stored?.verified ?? false,
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
    };
    // Documents stored before receipts existed have none: typed as always there, so widen first.
    const receipts = conversation.receipts as Partial<typeof conversation.receipts> | undefined;
    const receipt = (side: 'customer' | 'agent') => ({
      deliveredSeq: receipts?.[side]?.deliveredSeq ?? 0,
      readSeq: receipts?.[side]?.readSeq ?? 0,
    });
    const optional = {
      region: prechat.region ?? undefined,
      pageUrl: prechat.pageUrl ?? undefined,
      userAgent: prechat.userAgent ?? undefined,
      lastCustomerMessageAt: iso(conversation.lastCustomerMessageAt),
      lastAgentMessageAt: iso(conversation.lastAgentMessageAt),
      waitingSince: conversation.turn?.side === 'customer' ? iso(conversation.turn.since) : undefined,
      disposition: conversation.disposition ?? undefined,
    };
    const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
    return {
      ...toConversationView(conversation),
      customer,
      receipts: { customer: receipt('customer'), agent: receipt('agent') },
      ...present,
    };
  });
}
