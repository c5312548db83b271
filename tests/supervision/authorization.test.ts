import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import type { TestServer } from '../support/test-server.js';
import { openLiveChat, startSupervisionServer } from './supervision-support.js';

describe('supervisor console: agents are refused everything', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSupervisionServer(import.meta.filename);
  });
  afterAll(() => server.stop());

  it('answers FORBIDDEN to an agent on every supervisor event and route, and changes nothing', async () => {
    const chat = await openLiveChat(server);
    const colleague = await TestAgentDesk.open(server, { displayName: 'Not a supervisor' });
    const conversationId = chat.conversationId;
    const events: [string, unknown][] = [
      ['supervisor.board.get', {}],
      ['supervisor.idle.list', {}],
      ['supervisor.live.list', {}],
      ['supervisor.reassign', { conversationId, agentId: colleague.principal.id }],
      ['supervisor.requeue', { conversationId }],
      ['supervisor.takeover', { conversationId }],
      ['supervisor.close', { conversationId }],
      ['supervisor.observe', { conversationId }],
      ['supervisor.unobserve', { conversationId }],
      ['supervisor.join', { conversationId }],
      ['supervisor.leave', { conversationId }],
    ];
    for (const [event, payload] of events) {
      // The assigned agent themselves is refused too: these are supervisors' tools.
      for (const agent of [colleague, chat.desk]) {
        const result = await agent.request(event, payload);
        expect([event, result.ok ? 'ok' : result.error.code]).toEqual([event, 'FORBIDDEN']);
      }
    }
    const session = await createSignedInAgent(server, { displayName: 'Rest agent' });
    for (const path of ['/api/supervision/board', '/api/supervision/idle']) {
      const response = await agentFetch(server.url, session, path);
      expect([path, response.status, ((await response.json()) as { error?: { code: string } }).error?.code]).toEqual([
        path,
        403,
        'FORBIDDEN',
      ]);
    }
    const stored = await server.app.services.conversations.load(conversationId);
    expect([stored?.status, stored?.agentId?.toHexString()]).toEqual(['active', chat.desk.principal.id]);
    expect(await server.app.services.audit.list({ limit: 50 })).toEqual([]);
    for (const p of [colleague, chat.customer, chat.desk]) p.disconnect();
  });
});
