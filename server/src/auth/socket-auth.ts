import { AppError } from '@switchboard/shared';
import type { Socket } from 'socket.io';
import type { AgentSocket } from '../infra/namespaces.js';
import { toAgentPrincipal } from '../agents/agent-view.js';
import { peerIsTrustedProxy, type TrustFn } from '../infra/client-address.js';
import { handshakeError } from '../infra/socket-server.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { isOriginAllowed, type OriginPolicy, type RequestOrigin } from './origin.js';
import type { SessionAuthenticator } from './session-auth.js';

/** The first entry of a header a proxy chain may have appended to (`a, b, c`) or repeated; none when empty. */
export function firstHeaderValue(header: string | string[] | undefined): string | undefined {
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}

export function handshakeOrigin(socket: Pick<Socket, 'handshake' | 'request'>, trust: TrustFn): RequestOrigin {
  const headers = socket.handshake.headers;
  const trustProxy = peerIsTrustedProxy(socket.request, trust);
  const forwardedProto = trustProxy ? firstHeaderValue(headers['x-forwarded-proto']) : undefined;
  const forwardedHost = trustProxy ? firstHeaderValue(headers['x-forwarded-host']) : undefined;
  return {
    origin: firstHeaderValue(headers.origin),
    host: forwardedHost ?? headers.host,
    protocol: forwardedProto ?? (socket.handshake.secure ? 'https' : 'http'),
  };
}

/**
 * Handshake middleware of `/agent`: refuses foreign pages (cross-site WebSocket
 * hijacking: browsers send the cookie on cross-site WebSockets) and sockets
 * without a live session; otherwise puts the principal on `socket.data.agent`.
 */
export function agentHandshake(authenticateSession: SessionAuthenticator, policy: OriginPolicy, trust: TrustFn) {
  return (socket: AgentSocket, next: (error?: Error) => void): void => {
    if (!isOriginAllowed(handshakeOrigin(socket, trust), policy)) {
      next(handshakeError(new AppError('ORIGIN_NOT_ALLOWED', 'The agent app cannot be used from this page.')));
      return;
    }
    authenticateSession
      .byId(readCookie(socket.handshake.headers.cookie, SESSION_COOKIE))
      .then((found) => {
        if (!found) {
          next(handshakeError(new AppError('UNAUTHENTICATED', 'Sign in first.')));
          return;
        }
        const { data } = socket;
        data.agent = toAgentPrincipal(found.agent);
        data.sessionKey = found.session.key;
        next();
      })
      .catch((error: unknown) => {
        next(handshakeError(AppError.from(error)));
      });
  };
}
