import { AppError, type AgentSession } from '@switchboard/shared';
import { signInSchema } from '@switchboard/shared/schemas';
import { Router, type Request } from 'express';
import type { AgentsService } from '../agents/agents.service.js';
import { normalize } from '../infra/client-address.js';
import { parseInput } from '../infra/validation.js';
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookies.js';
import { isOriginAllowed, type OriginPolicy } from './origin.js';
import { assertCsrf, currentSession, requestOrigin, type RestAuth } from './rest-auth.js';
import type { Revocation } from './revocation.js';
import type { SessionAuthenticator } from './session-auth.js';
import type { SignInLimiter } from './sign-in-limiter.js';
import type { SessionStore } from './session-store.js';

interface Dependencies {
  agents: AgentsService;
  sessions: SessionStore;
  authenticateSession: SessionAuthenticator;
  restAuth: RestAuth;
  revocation: Revocation;
  limiter: SignInLimiter;
  policy: OriginPolicy;
  secureCookies: boolean;
  sessionMaxAgeMs: number;
}

/** POST /api/auth/sign-in, POST /api/auth/sign-out, GET /api/auth/me. */
export function authRoutes(deps: Dependencies): Router {
  const router = Router();
  const clearCookie = sessionCookie('', { secure: deps.secureCookies, maxAgeSeconds: 0 });
  // req.ip follows TRUST_PROXY as client-address.ts does for sockets: the right-most untrusted hop.
  const clientIp = (req: Request) => normalize(req.ip ?? req.socket.remoteAddress);

  router.post('/api/auth/sign-in', async (req, res) => {
    // No session yet, so no token: the Origin alone stops a foreign page signing a browser in (login CSRF).
    if (!isOriginAllowed(requestOrigin(req), deps.policy)) {
      throw new AppError('CSRF_FAILED', 'This request did not come from the agent app.');
    }
    const input = parseInput(signInSchema, req.body);
    const attempt = await deps.limiter.consume(input.email, clientIp(req));
    const agent = await deps.agents.verifyCredentials(input.email, input.password);
    // One answer for unknown email, wrong password and deactivated account: no account enumeration.
    if (!agent) throw new AppError('UNAUTHENTICATED', 'The email or password is not right.');
    await attempt.succeeded();
    const { id, session } = await deps.sessions.create(agent._id.toHexString(), agent.sessionEpoch);
    res.setHeader(
      'Set-Cookie',
      sessionCookie(id, { secure: deps.secureCookies, maxAgeSeconds: Math.floor(deps.sessionMaxAgeMs / 1000) }),
    );
    const body: AgentSession = { agent: deps.agents.toView(agent), csrfToken: session.csrfToken };
    res.json(body);
  });

  router.post('/api/auth/sign-out', async (req, res) => {
    const found = await deps.authenticateSession.byId(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (found) {
      assertCsrf(req, found.session.csrfToken, deps.policy);
      await deps.revocation.endSession(found.session.key, found.session.agentId, 'signed-out');
    }
    res.setHeader('Set-Cookie', clearCookie);
    res.status(204).end();
  });

  router.get('/api/auth/me', deps.restAuth.authenticate, (_req, res) => {
    const { agent, session } = currentSession(res);
    const body: AgentSession = { agent: deps.agents.toView(agent), csrfToken: session.csrfToken };
    res.json(body);
  });

  return router;
}
