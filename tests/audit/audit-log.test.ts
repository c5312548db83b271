import type { AuditEntryView } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('audit log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
  });
  afterAll(() => server.stop());

  it('lists what supervisors and admins did, newest first, filtered and paged', async () => {
    const supervisor = await createSignedInAgent(server, { role: 'supervisor', displayName: 'Sam Supervisor' });
    const actor = { ...supervisor.agent, departmentIds: [], languages: ['en'] };
    const { audit } = server.app.services;
    for (const [action, target] of [
      ['conversation.reassign', 'c1'],
      ['conversation.close', 'c2'],
      ['conversation.reassign', 'c3'],
    ] as const) {
      await audit.record({ actor, action, target: { kind: 'conversation', id: target }, details: { n: target } });
    }
    const list = async (query: string) => {
      const response = await agentFetch(server.url, supervisor, `/api/audit${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { entries: AuditEntryView[] }).entries;
    };

    const all = await list('');
    expect(all.map((entry) => entry.target.id)).toEqual(['c3', 'c2', 'c1']);
    expect(all[0]).toMatchObject({
      action: 'conversation.reassign',
      actor: { name: 'Sam Supervisor', role: 'supervisor' },
    });
    expect((await list('?action=conversation.reassign')).map((entry) => entry.target.id)).toEqual(['c3', 'c1']);
    expect((await list('?targetId=c2')).map((entry) => entry.action)).toEqual(['conversation.close']);
    expect((await list(`?actorId=${supervisor.agent.id}`)).length).toBe(3);
    const firstPage = await list('?limit=2');
    expect((await list(`?limit=2&before=${firstPage[1]!.id}`)).map((entry) => entry.target.id)).toEqual(['c1']);
    expect(await list(`?from=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
  });

  it('refuses agents and bad filters with typed errors', async () => {
    const agent = await createSignedInAgent(server, { role: 'agent' });
    const forbidden = await agentFetch(server.url, agent, '/api/audit');
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

    const supervisor = await createSignedInAgent(server, { role: 'supervisor' });
    for (const query of ['?action[$ne]=x', '?limit=100000', '?before=nope', '?from=yesterday', '?unknown=1']) {
      const response = await agentFetch(server.url, supervisor, `/api/audit${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });
});
