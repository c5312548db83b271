import type { AuditEntryView } from '@switchboard/shared';
import { afterAll, beforeAll } from 'vitest';
import { agentFetch, signInRoles, type SignedInRoles } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

export type Role = keyof SignedInRoles;

/** What a REST call answered: the status and the JSON body (`{}` when there is none, as after a 204). */
export interface RestAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Starts a server for the calling test file before its tests, with an admin
 * (named "Ada Admin", as the audit records show), a supervisor and an agent
 * signed in, and stops it after them. Tests call the REST API as one of the
 * roles, as the console does.
 */
export function useAdminServer(testFile: string) {
  let server: TestServer;
  let roles: SignedInRoles;
  beforeAll(async () => {
    server = await startTestServer({ testFile });
    roles = await signInRoles(server, { displayName: 'Ada Admin' });
  });
  afterAll(() => server.stop());

  async function call(role: Role, method: string, path: string, body?: unknown): Promise<RestAnswer> {
    const response = await agentFetch(server.url, roles[role], path, { method, body });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  /** The audit records about `targetId`, newest first, as the admin reads them. */
  async function auditFor(targetId: string): Promise<AuditEntryView[]> {
    return ((await call('admin', 'GET', `/api/audit?targetId=${targetId}`)).body as { entries: AuditEntryView[] })
      .entries;
  }

  return { call, auditFor, server: () => server };
}
