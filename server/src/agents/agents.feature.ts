import { objectIdSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { authRoutes } from '../auth/auth.routes.js';
import { apiTokensRoutes } from '../api-tokens/api-tokens.routes.js';
import { createApiTokens, type ApiTokens } from '../api-tokens/api-tokens.service.js';
import { createTokenAuthenticator } from '../api-tokens/token-auth.js';
import { createRestAuth, type RestAuth } from '../auth/rest-auth.js';
import { createRevocation, type Revocation } from '../auth/revocation.js';
import { createSessionAuthenticator } from '../auth/session-auth.js';
import { createSessionStore, type SessionStore } from '../auth/session-store.js';
import { createSignInLimiter } from '../auth/sign-in-limiter.js';
import { agentHandshake } from '../auth/socket-auth.js';
import type { AuditService } from '../audit/audit.service.js';
import { compileTrust } from '../infra/client-address.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { defineFeature, type Feature } from '../infra/feature.js';
import { agentModel } from './agent.model.js';
import { ensureFirstAdmin, seedDemoAgents } from './agent-bootstrap.js';
import { toAgentPrincipal } from './agent-view.js';
import { createAgentPresence } from './agent-presence.js';
import { registerAgentMetrics } from './agents-metrics.js';
import { agentsRoutes } from './agents.routes.js';
import { createAgentsService, type AgentsService } from './agents.service.js';
import { agentsSocketHandlers } from './agents.socket.js';
import { applyPrincipal, PRINCIPAL_CHANGED } from './live-sockets.js';

/** What other features build on (passed to them in features.ts). */
export interface AgentsServices {
  agents: AgentsService;
  /** Express middlewares for other features' agent REST routes (session, CSRF, roles). */
  restAuth: RestAuth;
  sessions: SessionStore;
  revocation: Revocation;
  /** Server-to-server API tokens (REST only; never a socket or the console). */
  apiTokens: ApiTokens;
}

/** The client events this feature answers. */
export interface AgentsHandlers {
  agent: ReturnType<typeof agentsSocketHandlers>;
}

/** Agent accounts, sign-in sessions, agent socket authentication and status. */
export function createAgentsFeature(
  context: AppContext,
  // A getter: the audit feature needs this feature's restAuth, so it is created after it.
  // Conversations too: the messaging feature needs this feature's agents, so it is created after it.
  deps: { audit: () => AuditService; conversations: () => Pick<ConversationsService, 'assignedAmong'> },
): { feature: Feature<AgentsHandlers>; services: AgentsServices } {
  const { config, logger, sockets } = context;
  const model = agentModel(context.mongo);
  const sessions = createSessionStore({
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    idleMs: config.AGENT_SESSION_IDLE_MS,
    maxAgeMs: config.AGENT_SESSION_MAX_AGE_MS,
  });
  const revocation = createRevocation(sessions, sockets);
  const assignedAmong = (agentId: string, conversationIds: string[]) =>
    deps.conversations().assignedAmong(agentId, conversationIds);
  const agents = createAgentsService({ model, sockets, revocation, logger, assignedAmong });
  const authenticateSession = createSessionAuthenticator(sessions, agents);
  const policy = { publicUrl: config.PUBLIC_URL, allowed: config.AGENT_ALLOWED_ORIGINS };
  const apiTokens = createApiTokens({ mongo: context.mongo });
  const restAuth = createRestAuth(
    authenticateSession,
    policy,
    createTokenAuthenticator({ tokens: apiTokens, audit: deps.audit, logger }),
  );
  const limiter = createSignInLimiter({
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    maxAttempts: config.AGENT_SIGN_IN_MAX_ATTEMPTS,
    maxPerAddress: config.AGENT_SIGN_IN_ADDRESS_MAX_ATTEMPTS,
    maxPerAccount: config.AGENT_SIGN_IN_ACCOUNT_MAX_ATTEMPTS,
    windowMs: config.AGENT_SIGN_IN_WINDOW_MS,
  });
  const namespace = () => sockets.namespace('agent');
  const presence = createAgentPresence({
    namespace,
    agents,
    authenticateSession,
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    offlineGraceMs: config.AGENT_OFFLINE_GRACE_MS,
    sessionIdleMs: config.AGENT_SESSION_IDLE_MS,
    logger,
  });
  registerAgentMetrics(context.metrics, agents, logger);

  // Another process changed an agent (role, capacity, …): refresh the sockets of theirs connected here.
  namespace().on(PRINCIPAL_CHANGED, (id: unknown) => {
    const agentId = objectIdSchema.safeParse(id);
    if (!agentId.success) return;
    agents
      .getById(agentId.data)
      .then(async (record) => {
        if (record?.active) await applyPrincipal(namespace(), toAgentPrincipal(record), assignedAmong);
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'principal refresh failed'));
  });

  const routes = Router();
  routes.use(
    authRoutes({
      agents,
      sessions,
      authenticateSession,
      restAuth,
      revocation,
      limiter,
      policy,
      secureCookies: config.NODE_ENV === 'production',
      sessionMaxAgeMs: config.AGENT_SESSION_MAX_AGE_MS,
    }),
  );
  routes.use(agentsRoutes(agents, restAuth, deps.audit, limiter));
  routes.use(apiTokensRoutes({ auth: restAuth, tokens: apiTokens, audit: deps.audit }));

  const feature = defineFeature({
    name: 'agents',
    routes,
    middlewares: { agent: [agentHandshake(authenticateSession, policy, compileTrust(config.TRUST_PROXY))] },
    handlers: { agent: agentsSocketHandlers(agents) },
    onConnection: { agent: (socket) => presence.onConnection(socket) },
    async start() {
      // The unique email index must exist before the first admin relies on it.
      await model.init();
      await ensureFirstAdmin(model, config, logger);
      if (config.NODE_ENV === 'development') await seedDemoAgents(model, logger);
    },
    async stop() {
      presence.stop();
      await Promise.resolve();
    },
  });
  return { feature, services: { agents, restAuth, sessions, revocation, apiTokens } };
}
