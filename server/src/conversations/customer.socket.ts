import type { ConversationStarted, CustomerView } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { CustomerSocket } from '../infra/namespaces.js';
import {
  bindCustomer,
  clientAddressOf,
  connectionGone,
  currentCustomer,
  handshakeView,
  requireCustomer,
} from '../customers/customer-auth.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { PrechatRequirements } from '../customers/prechat-requirements.js';
import type { RateLimit } from '../infra/rate-limit.js';
import { runInOrder } from '../infra/per-socket-queue.js';
import { defineHandlers } from '../infra/socket-handler.js';
import type { Viewer } from './access.js';
import type { Broadcaster } from './broadcast.js';
import type { ConversationActions } from './conversation-actions.js';
import type { ConversationsService } from './conversations.service.js';
import { toConversationView } from './conversation-view.js';
import { rooms } from './rooms.js';

interface Deps {
  customers: CustomersService;
  prechat: PrechatRequirements;
  conversations: ConversationsService;
  actions: ConversationActions;
  broadcast: Broadcaster;
  startLimit: RateLimit;
}

const asCustomer = (socket: CustomerSocket): Viewer => ({ kind: 'customer', customer: requireCustomer(socket) });

/** Events on the `/customer` namespace (the widget). */
export function customerSocketHandlers({
  customers,
  prechat: required,
  conversations,
  actions,
  broadcast,
  startLimit,
}: Deps) {
  return defineHandlers('customer', {
    'conversation.start': async ({ prechat }, { socket }) => {
      // Creating visitors is the one thing an unauthenticated socket can do: limit it per address.
      await startLimit.consume(clientAddressOf(socket));
      let customer = currentCustomer(socket);
      // Before anything is written: a refused start creates no visitor and changes no contact details.
      await required.check(customer, prechat);
      let visitorToken: string | undefined;
      let stored: CustomerView | null;
      let liveConversationId: Types.ObjectId | undefined;
      /** The customer's live chat pointer as just read with their contact details (saves reading it again). */
      let pointer: Types.ObjectId | null | undefined;
      if (!customer) {
        // A new visitor is created pointing at the chat about to start: no second write to claim it.
        liveConversationId = new Types.ObjectId();
        const created = await customers.createAnonymous(prechat, { liveConversationId });
        visitorToken = created.token;
        stored = created.customer;
        customer = { id: created.customer.id, verified: false };
        await bindCustomer(socket, customer);
      } else {
        // A returning customer whose last chat closed points at the new one in the same write
        // that reads them; one with a live chat pointer goes the longer way, which checks it.
        const fresh = new Types.ObjectId();
        stored = await customers.claimLiveChat(customer.id, fresh, prechat);
        if (stored) liveConversationId = fresh;
        else {
          const remembered = await customers.rememberContact(customer.id, prechat);
          stored = remembered?.customer ?? null;
          pointer = remembered ? remembered.liveConversationId : undefined;
        }
      }
      const { conversation, created } = await conversations.start(
        { id: customer.id, verified: customer.verified },
        prechat,
        liveConversationId ? { liveConversationId } : pointer === undefined ? {} : { pointer },
      );
      // The customer's other tabs (on any process) follow the chat too; a visitor created by this
      // very start has no other tab yet, so only this socket joins.
      if (!visitorToken) broadcast.joinCustomer(customer.id, conversation._id.toHexString());
      await socket.join(rooms.conversationCustomers(conversation._id.toHexString()));
      const result: ConversationStarted = {
        conversation: toConversationView(conversation),
        customer: stored ?? { id: customer.id, verified: customer.verified },
        created,
        ...(visitorToken ? { visitorToken } : {}),
      };
      return result;
    },
    'conversation.close': async ({ conversationId }, { socket }) => {
      const viewer = asCustomer(socket);
      const conversation = await conversations.get(conversationId, viewer, 'write');
      return conversations.close(conversation, { kind: 'customer', id: requireCustomer(socket).id });
    },
    'conversation.sync': (payload, { socket }) => actions.sync(asCustomer(socket), payload),
    'message.send': (payload, { socket, afterAck }) =>
      actions.send(asCustomer(socket), payload, afterAck, (admit) => runInOrder(socket, 'message.send', admit)),
    'message.history': (payload, { socket }) => actions.history(asCustomer(socket), payload),
    'typing.set': (payload, { socket }) => actions.typing(asCustomer(socket), socket, payload),
    'receipt.update': (payload, { socket, afterAck }) => actions.receipt(asCustomer(socket), payload, afterAck),
  });
}

/** On connect: join the rooms of the visitor's live conversations and say who we think they are. */
export function onCustomerConnection({ conversations }: Pick<Deps, 'conversations'>) {
  return async (socket: CustomerSocket): Promise<void> => {
    const principal = currentCustomer(socket);
    if (!principal) {
      socket.emit('session.ready', { customer: null, conversations: [] });
      return;
    }
    if (connectionGone(socket)) return;
    await bindCustomer(socket, principal);
    const live = await conversations.liveForCustomer(principal.id);
    await socket.join(live.map((conversation) => rooms.conversationCustomers(conversation._id.toHexString())));
    socket.emit('session.ready', {
      customer: handshakeView(socket),
      conversations: live.map(toConversationView),
    });
  };
}
