import type { ApiTokenScope } from '@switchboard/shared';

/**
 * The REST routes an API token may call, keyed `METHOD /express/path`, with
 * the scope each needs. Any other route refuses tokens (FORBIDDEN): sign-in
 * and sessions, the desk's own routes, token management itself.
 */
export const ROUTE_SCOPES: Readonly<Record<string, ApiTokenScope>> = {
  'GET /api/conversations/:id/transcript': 'conversations:read',
  'GET /api/conversations/:id/transcripts': 'conversations:read',
  'GET /api/conversations/:id/satisfaction': 'conversations:read',
  'GET /api/customers/:id/conversations': 'conversations:read',
  'GET /api/idle-conversations': 'conversations:read',
  'GET /api/supervision/board': 'conversations:read',
  'GET /api/routing/queues': 'conversations:read',
  'GET /api/reports': 'reports:read',
  'GET /api/reports.csv': 'reports:read',
  'GET /api/agents': 'agents:read',
  'POST /api/agents': 'agents:manage',
  'PATCH /api/agents/:id': 'agents:manage',
  'POST /api/agents/:id/reset-password': 'agents:manage',
  'GET /api/departments': 'departments:read',
  'GET /api/departments/:id': 'departments:read',
  'GET /api/audit': 'audit:read',
  'GET /api/webhooks': 'webhooks:manage',
  'POST /api/webhooks': 'webhooks:manage',
  'PATCH /api/webhooks/:id': 'webhooks:manage',
  'DELETE /api/webhooks/:id': 'webhooks:manage',
  'POST /api/webhooks/:id/rotate-secret': 'webhooks:manage',
  'GET /api/webhooks/:id/deliveries': 'webhooks:manage',
  'POST /api/webhooks/:id/deliveries/:deliveryId/redeliver': 'webhooks:manage',
  'GET /api/data-protection/customers': 'customers:export',
  'GET /api/data-protection/customers/:id/export': 'customers:export',
  'POST /api/data-protection/customers/:id/erase': 'customers:erase',
  'GET /api/data-protection/retention': 'customers:erase',
  'POST /api/data-protection/retention/run': 'customers:erase',
};

export const scopeOfRoute = (method: string, path: unknown): ApiTokenScope | undefined =>
  typeof path === 'string' ? ROUTE_SCOPES[`${method.toUpperCase()} ${path}`] : undefined;
