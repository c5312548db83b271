import { AppError } from '@switchboard/shared';
import type { AuditService } from '../audit/audit.service.js';
import type { TokenAuthenticator } from '../auth/rest-auth.js';
import type { Logger } from '../infra/logger.js';
import { tokenPrincipal, type ApiTokens } from './api-tokens.service.js';
import { scopeOfRoute } from './route-scopes.js';

/**
 * API tokens on REST routes: a valid token, on a route open to tokens, with
 * that route's scope. Every use of a valid token is audited once its answer
 * is known (refusals too), and its last-used time kept.
 */
export function createTokenAuthenticator(deps: {
  tokens: ApiTokens;
  audit: () => AuditService;
  logger: Logger;
}): TokenAuthenticator {
  return async (req, res) => {
    const token = await deps.tokens.verify(req.get('authorization') ?? '');
    const principal = tokenPrincipal(token);
    const route = (req.route as { path?: unknown } | undefined)?.path;
    const scope = scopeOfRoute(req.method === 'HEAD' ? 'GET' : req.method, route);
    res.once('finish', () => {
      const path = req.originalUrl.split('?')[0];
      void Promise.all([
        deps.tokens.touch(token.id),
        deps.audit().record({
          actor: principal,
          action: 'api-token.use',
          target: { kind: 'api-token', id: token.id, name: token.name },
          details: { method: req.method, path, status: res.statusCode, ...(scope ? { scope } : {}) },
        }),
      ]).catch((error: unknown) => deps.logger.warn({ err: error }, 'API token use not recorded'));
    });
    if (!scope) throw new AppError('FORBIDDEN', 'API tokens cannot use this route.');
    if (!token.scopes.includes(scope)) {
      throw new AppError('FORBIDDEN', `This API token lacks the ${scope} scope.`, { scope });
    }
    return principal;
  };
}
