import { AppError, type CustomerView } from '@switchboard/shared';
import { customerHandshakeSchema } from '@switchboard/shared/schemas';
import type { CustomerSocket } from '../infra/namespaces.js';
import { isOriginAllowed } from '../auth/origin.js';
import { handshakeOrigin } from '../auth/socket-auth.js';
import type { Config } from '../config/config.js';
import { rooms } from '../conversations/rooms.js';
import { toAppError } from '../infra/app-errors.js';
import { clientAddress, compileTrust } from '../infra/client-address.js';
import { handshakeError } from '../infra/socket-server.js';
import type { CustomerPrincipal, CustomersService } from './customers.service.js';

/** What the messaging feature keeps in `socket.data` on the `/customer` namespace. */
export interface CustomerSocketData {
  customer?: CustomerPrincipal | null;
  /** The customer as the handshake read them, for `session.ready` (no second read). */
  handshakeView?: CustomerView;
  /** The visitor's address, worked out once at the handshake (see {@link clientAddressOf}). */
  clientAddress?: string;
}

/** Per-address limits (starting chats, offline messages) count this, never the proxy's address. */
export function clientAddressOf(socket: CustomerSocket): string {
  return socket.data.clientAddress ?? socket.handshake.address;
}

/** The customer this socket acts for, or UNAUTHENTICATED before a conversation was started. */
export function requireCustomer(socket: CustomerSocket): CustomerPrincipal {
  const customer = socket.data.customer;
  if (!customer) throw new AppError('UNAUTHENTICATED', 'Start a conversation first.');
  return customer;
}

export function currentCustomer(socket: CustomerSocket): CustomerPrincipal | null {
  return socket.data.customer ?? null;
}

/** Binds a connected socket to a customer; every tab of that customer shares the `customer:<id>` room. */
export async function bindCustomer(socket: CustomerSocket, customer: CustomerPrincipal): Promise<void> {
  socket.data.customer = customer;
  await socket.join(rooms.customer(customer.id));
}

function rememberCustomer(socket: CustomerSocket, customer: CustomerView): void {
  const data = socket.data;
  data.customer = { id: customer.id, verified: customer.verified };
  data.handshakeView = customer;
}

/** The customer as read by this socket's handshake (null for a new visitor). */
export function handshakeView(socket: CustomerSocket): CustomerView | null {
  return socket.data.handshakeView ?? null;
}

/**
 * The client gave up on this connection while we worked on it (its connect
 * timed out, it went away): whatever we would read for it now is wasted, and
 * after a fault hundreds of reconnecting widgets make that waste the load
 * that keeps the database from recovering.
 */
export function connectionGone(socket: CustomerSocket): boolean {
  return socket.conn.readyState !== 'open';
}

/**
 * Handshake of the `/customer` namespace: the page must be an allowed widget
 * origin (the widget iframe is served from our own origin); then a host-signed
 * identity or a stored visitor token says who this is. A bad signature is
 * refused outright; an unknown token just means a new visitor.
 */
export function customerHandshake(
  customers: CustomersService,
  config: Config,
  /** The widget settings' allowed origins (changeable at run time); WIDGET_ALLOWED_ORIGINS without them. */
  allowedOrigins: () => Promise<readonly string[]> = () => Promise.resolve(config.WIDGET_ALLOWED_ORIGINS),
) {
  const trust = compileTrust(config.TRUST_PROXY);
  const originAllowed = async (socket: CustomerSocket): Promise<boolean> => {
    const allowed = await allowedOrigins();
    return (
      allowed.includes('*') ||
      isOriginAllowed(handshakeOrigin(socket, trust), { publicUrl: config.PUBLIC_URL, allowed })
    );
  };
  return (socket: CustomerSocket, next: (error?: Error) => void): void => {
    // Behind a load balancer every socket comes from the balancer: the visitor is the
    // right-most X-Forwarded-For entry no trusted proxy wrote (see client-address.ts).
    socket.data.clientAddress = clientAddress(socket.request, trust);
    originAllowed(socket).then(
      (allowed) => {
        if (allowed) resolveVisitor(socket, next);
        else next(handshakeError(new AppError('ORIGIN_NOT_ALLOWED', 'This site may not open Switchboard chats.')));
      },
      (error: unknown) => next(handshakeError(toAppError(error))),
    );
  };

  function resolveVisitor(socket: CustomerSocket, next: (error?: Error) => void): void {
    const auth = customerHandshakeSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      next(handshakeError(new AppError('VALIDATION_FAILED', 'The visitor token or identity is malformed.')));
      return;
    }
    if (connectionGone(socket)) {
      next(handshakeError(new AppError('STORE_UNAVAILABLE', 'The connection closed during the handshake.')));
      return;
    }
    const resolve = async (): Promise<CustomerView | null> => {
      if (auth.data.identity) return customers.identify(auth.data.identity);
      if (auth.data.visitorToken) return customers.findByToken(auth.data.visitorToken);
      return null;
    };
    resolve().then(
      (customer) => {
        // Rooms are joined once connected (see the messaging feature's connection hook).
        if (customer) rememberCustomer(socket, customer);
        next();
      },
      (error: unknown) => next(handshakeError(toAppError(error))),
    );
  }
}
