import { ackError, AppError } from '@switchboard/shared';
import { clientAddressOf, currentCustomer } from '../customers/customer-auth.js';
import type { Logger } from '../infra/logger.js';
import type { ClientEventName, CustomerSocket, TypedNamespace } from '../infra/namespaces.js';
import { handshakeError } from '../infra/socket-server.js';
import type { BlocksService } from './blocks.service.js';

/** Every customer socket of one address, so a block of that address can end them on every process. */
export const addressRoom = (address: string): string => `address:${address}`;

const blocked = () => new AppError('VISITOR_BLOCKED', 'Chat is not available.');

/** Events that would reach agents from a socket connected before its visitor was blocked. */
const REACHES_AGENTS = new Set<string>([
  'conversation.start',
  'conversation.leaveMessage',
] satisfies ClientEventName<'customer'>[]);

/**
 * Handshake of `/customer`, after the visitor is known: a blocked visitor (by
 * token or identified account) or address is refused with VISITOR_BLOCKED,
 * which the widget shows as "chat is not available". A failure to check lets
 * the visitor in: blocks are an abuse control, and refusing everyone while the
 * database is away would be worse than letting one abuser through.
 */
export function refuseBlocked(blocks: BlocksService, logger: Logger) {
  return (socket: CustomerSocket, next: (error?: Error) => void): void => {
    blocks.isBlocked({ customerId: currentCustomer(socket)?.id, address: clientAddressOf(socket) }).then(
      (isBlocked) => next(isBlocked ? handshakeError(blocked()) : undefined),
      (error: unknown) => {
        logger.warn({ err: error }, 'block check failed; letting the visitor in');
        next();
      },
    );
  };
}

/**
 * On connect: the socket joins its address's room, and a socket whose visitor
 * is blocked while it stays connected (a process that missed the disconnect)
 * still cannot start a chat or leave a message.
 */
export function onBlockedCustomerConnection(blocks: BlocksService) {
  return async (socket: CustomerSocket): Promise<void> => {
    socket.use(([event, ...args], next) => {
      if (typeof event !== 'string' || !REACHES_AGENTS.has(event)) {
        next();
        return;
      }
      blocks.isBlocked({ customerId: currentCustomer(socket)?.id, address: clientAddressOf(socket) }).then(
        (isBlocked) => {
          if (!isBlocked) {
            next();
            return;
          }
          const ack: unknown = args.at(-1);
          if (typeof ack === 'function') (ack as (result: unknown) => void)(ackError(blocked().toPayload()));
        },
        () => next(),
      );
    });
    await socket.join(addressRoom(clientAddressOf(socket)));
  };
}

/** Ends every socket of the visitor (and of the address), on every process: they reconnect and are refused. */
export function disconnectBlocked(namespace: TypedNamespace<'customer'>, rooms: string[]): void {
  namespace.in(rooms).disconnectSockets(true);
}
