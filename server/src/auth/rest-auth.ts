import { timingSafeEqual } from 'node:crypto';
import { AppError, type AgentRole } from '@switchboard/shared';
import type { Request, RequestHandler, Response } from 'express';
import { toAgentPrincipal } from '../agents/agent-view.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { isOriginAllowed, type OriginPolicy, type RequestOrigin } from './origin.js';
import { requireRole, type AgentPrincipal } from './principal.js';
import type { AuthenticatedSession, SessionAuthenticator } from './session-auth.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requestOrigin(req: Request): RequestOrigin {
  // req.host and req.protocol follow X-Forwarded-* only when TRUST_PROXY is on.
  return { origin: req.get('origin'), host: req.host, protocol: req.protocol };
}

export function tokensEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** CSRF_FAILED unless the request comes from an allowed Origin and carries the session's token. */
export function assertCsrf(req: Request, csrfToken: string, policy: OriginPolicy): void {
  if (!isOriginAllowed(requestOrigin(req), policy)) {
    throw new AppError('CSRF_FAILED', 'This request did not come from the agent app.');
  }
  if (!tokensEqual(csrfToken, req.get('x-csrf-token'))) {
    throw new AppError('CSRF_FAILED', 'The request is missing its CSRF token; reload the page.');
  }
}

export interface RestAuth {
  /**
   * Requires a signed-in agent (UNAUTHENTICATED otherwise). On POST, PUT, PATCH
   * and DELETE also requires an allowed Origin and the session's `X-CSRF-Token`
   * (CSRF_FAILED otherwise), because the browser sends the cookie on its own.
   */
  authenticate: RequestHandler;
  /** After `authenticate`: FORBIDDEN unless the agent has one of the roles. */
  requireRole(...roles: AgentRole[]): RequestHandler;
}

/**
 * Authenticates a request carrying `Authorization: Bearer …` (an API token,
 * api-tokens/token-auth.ts): the principal it acts as, or a typed refusal.
 */
export type TokenAuthenticator = (req: Request, res: Response) => Promise<AgentPrincipal>;

export function createRestAuth(
  authenticateSession: SessionAuthenticator,
  policy: OriginPolicy,
  authenticateToken?: TokenAuthenticator,
): RestAuth {
  return {
    async authenticate(req, res, next) {
      // A browser never sends this header on its own (no CSRF to fear), and a token never has a session.
      if (authenticateToken && req.get('authorization') !== undefined) {
        res.locals.agent = await authenticateToken(req, res);
        next();
        return;
      }
      const found = await authenticateSession.byId(readCookie(req.headers.cookie, SESSION_COOKIE));
      if (!found) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
      if (!SAFE_METHODS.has(req.method)) assertCsrf(req, found.session.csrfToken, policy);
      res.locals.auth = found;
      res.locals.agent = toAgentPrincipal(found.agent);
      next();
    },
    requireRole:
      (...roles) =>
      (_req, res, next) => {
        requireRole(currentAgent(res), ...roles);
        next();
      },
  };
}

/** The principal `authenticate` put on the response. */
export function currentAgent(res: Response): AgentPrincipal {
  const agent = (res.locals as { agent?: AgentPrincipal }).agent;
  if (!agent) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return agent;
}

export function currentSession(res: Response): AuthenticatedSession {
  const auth = (res.locals as { auth?: AuthenticatedSession }).auth;
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return auth;
}
