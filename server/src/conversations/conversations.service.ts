import { AppError, type ConversationView, type CustomerView, type Prechat } from '@switchboard/shared';
import { Types, type Connection } from 'mongoose';
import type { CustomersService } from '../customers/customers.service.js';
import type { DocumentLocks } from '../infra/document-lock.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { AgentPrincipal } from '../auth/principal.js';
import { authorize, type Viewer } from './access.js';
import type { Broadcaster } from './broadcast.js';
import { nextCaseNumber } from './case-number.js';
import { conversationLockKey, customerLockKey } from './conversation-lock.js';
import type { ConversationHooks } from './conversation-hooks.js';
import { conversationModels, type ConversationDocument } from './conversation.model.js';
import { toConversationView } from './conversation-view.js';

const LIVE = ['queued', 'active'] as const;

export type ConversationsService = ReturnType<typeof createConversationsService>;

export function createConversationsService(deps: {
  mongo: Connection;
  locks: DocumentLocks;
  customers: CustomersService;
  messages: MessagesService;
  broadcast: Broadcaster;
  hooks: ConversationHooks;
  /** Routing: the department serving a pre-chat topic (null: the general queue), stored at creation. */
  departmentFor?: (topic: string) => Promise<Types.ObjectId | null>;
}) {
  const { Conversation, Counter } = conversationModels(deps.mongo);
  const { Customer } = deps.customers.models;
  const { locks } = deps;

  const load = async (id: string) => (await Conversation.findById(id).lean()) as ConversationDocument | null;

  /**
   * Read, decide, write one conversation under its lock. `decide` returns the
   * fields to set, or null to leave it as it is; resolves to the document as
   * stored (or null when it does not exist).
   */
  function mutate(
    id: string,
    decide: (conversation: ConversationDocument) => Record<string, unknown> | null,
  ): Promise<{ conversation: ConversationDocument; changed: boolean } | null> {
    return locks.run(conversationLockKey(id), async () => {
      const current = await load(id);
      if (!current) return null;
      const changes = decide(current);
      if (!changes) return { conversation: current, changed: false };
      await Conversation.updateOne({ _id: current._id }, { $set: changes });
      return { conversation: { ...current, ...changes }, changed: true };
    });
  }

  async function createFor(
    customer: CustomerView,
    prechat: Prechat,
    extra: { offline?: boolean; offlineRequestId?: string } = {},
  ): Promise<ConversationDocument> {
    const now = new Date();
    const departmentId = (await deps.departmentFor?.(prechat.topic)) ?? null;
    const created = await Conversation.create({
      ...extra,
      departmentId,
      caseNumber: await nextCaseNumber(Counter, locks, now),
      status: 'queued',
      customerId: new Types.ObjectId(customer.id),
      topic: prechat.topic,
      language: prechat.language,
      prechat: {
        name: prechat.name ?? customer.name,
        email: prechat.email ?? customer.email,
        region: prechat.region,
        pageUrl: prechat.pageUrl,
        userAgent: prechat.userAgent,
      },
      queuedAt: now,
    });
    return created.toObject();
  }

  return {
    model: Conversation,
    load,
    mutate,

    /**
     * The customer's live conversation, created if there is none. Runs under
     * the customer's lock, so two tabs starting at once still get one.
     * `newCustomer`: created by this very request, so it has no chat yet (and
     * nobody else knows it): the look-up is skipped.
     */
    async start(
      customer: CustomerView,
      prechat: Prechat,
      options: { newCustomer?: boolean } = {},
    ): Promise<{ conversation: ConversationDocument; created: boolean }> {
      const result = await locks.run(customerLockKey(customer.id), async () => {
        const owner = options.newCustomer
          ? { liveConversationId: null }
          : await Customer.findById(customer.id, { liveConversationId: 1 }).lean();
        if (!owner) throw new AppError('NOT_FOUND', 'No such customer.');
        if (owner.liveConversationId) {
          const live = await load(owner.liveConversationId.toHexString());
          if (live && live.status !== 'closed') return { conversation: live, created: false };
        }
        const conversation = await createFor(customer, prechat);
        await Customer.updateOne({ _id: customer.id }, { $set: { liveConversationId: conversation._id } });
        return { conversation, created: true };
      });
      if (result.created) await deps.hooks.emit('created', result.conversation);
      return result;
    },

    /**
     * W5: a message left while nobody could chat, as a queued conversation
     * marked offline (agents pick it up and answer by email). It is not the
     * customer's live chat, so a later `start` opens a new one. The same
     * `requestId` again answers the first conversation (a retried request).
     */
    async startOffline(
      customer: CustomerView,
      prechat: Prechat,
      requestId: string,
    ): Promise<{ conversation: ConversationDocument; created: boolean }> {
      const result = await locks.run(customerLockKey(customer.id), async () => {
        const earlier = (await Conversation.findOne({
          customerId: new Types.ObjectId(customer.id),
          offlineRequestId: requestId,
        }).lean()) as ConversationDocument | null;
        if (earlier) return { conversation: earlier, created: false };
        return {
          conversation: await createFor(customer, prechat, { offline: true, offlineRequestId: requestId }),
          created: true,
        };
      });
      if (result.created) await deps.hooks.emit('created', result.conversation);
      return result;
    },

    async get(conversationId: string, viewer: Viewer, need: 'read' | 'write'): Promise<ConversationDocument> {
      return authorize(await load(conversationId), viewer, need);
    },

    /** Queued and active conversations of a customer, to resume after a reload. */
    async liveForCustomer(customerId: string): Promise<ConversationDocument[]> {
      return await Conversation.find({ customerId, status: { $in: LIVE } })
        .sort({ createdAt: 1 })
        .lean();
    },

    async liveForAgent(agentId: string): Promise<ConversationDocument[]> {
      return await Conversation.find({ agentId, status: 'active' }).sort({ assignedAt: 1 }).lean();
    },

    /**
     * Hands a queued conversation to an agent, deciding under the
     * conversation's lock, so two processes can never both assign it.
     * Routing claims the agent's capacity first and gives it back when this
     * throws CONFLICT.
     */
    async assign(conversationId: string, agent: AgentPrincipal): Promise<ConversationDocument> {
      if (!Types.ObjectId.isValid(conversationId))
        throw new AppError('CONFLICT', 'This conversation is no longer waiting.');
      // One command under the lock: the write only matches a chat still waiting (routing assigns
      // hundreds a minute, and a read before the write would double their commands).
      const assigned = (await locks.run(conversationLockKey(conversationId), () =>
        Conversation.findOneAndUpdate(
          { _id: conversationId, status: 'queued' },
          {
            $set: {
              status: 'active',
              agentId: new Types.ObjectId(agent.id),
              agentCard: { displayName: agent.displayName, avatarUrl: agent.avatarUrl },
              assignedAt: new Date(),
            },
          },
          { returnDocument: 'after' },
        ).lean(),
      )) as ConversationDocument | null;
      if (!assigned) throw new AppError('CONFLICT', 'This conversation is no longer waiting.');
      deps.broadcast.joinAgent(agent.id, conversationId);
      const { message } = await deps.messages.storeSystem(assigned, 'conversation.assigned', {
        agentName: agent.displayName,
      });
      deps.broadcast.messageCreated(message);
      deps.broadcast.conversationUpdated(toConversationView({ ...assigned, lastSeq: message.seq }));
      await deps.hooks.emit('assigned', assigned);
      return assigned;
    },

    /** Ends a conversation once; closing again answers the closed conversation. */
    async close(
      conversation: Pick<ConversationDocument, '_id'>,
      by: { kind: 'customer' | 'agent' | 'system'; id?: string },
      disposition?: string,
    ): Promise<ConversationView> {
      const result = await mutate(conversation._id.toHexString(), (current) =>
        current.status === 'closed'
          ? null
          : { status: 'closed', closedAt: new Date(), closedBy: by, ...(disposition ? { disposition } : {}) },
      );
      if (!result) throw new AppError('NOT_FOUND', 'No such conversation.');
      if (!result.changed) return toConversationView(result.conversation);
      const closed = result.conversation;
      await locks.run(customerLockKey(closed.customerId.toHexString()), () =>
        Customer.updateOne(
          { _id: closed.customerId, liveConversationId: closed._id },
          { $set: { liveConversationId: null } },
        ),
      );
      const { message } = await deps.messages.storeSystem(
        closed,
        'conversation.closed',
        { by: by.kind },
        { clientMessageId: `sys-closed-${closed._id.toHexString()}`, evenIfClosed: true },
      );
      const view = toConversationView({ ...closed, lastSeq: message.seq });
      deps.broadcast.messageCreated(message);
      deps.broadcast.conversationUpdated(view);
      await deps.hooks.emit('closed', closed);
      return view;
    },
  };
}
