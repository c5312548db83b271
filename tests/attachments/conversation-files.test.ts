import { randomUUID } from 'node:crypto';
import type { ConversationFiles, MessageSent } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { TestAgentDesk } from '../support/agent-desk.js';
import { TestCustomer } from '../support/customer-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectSent, expectUploaded, tinyPdf, upload } from './upload-helpers.js';

/** The desk's Files list asks the server: every file of the chat, however far back, to those who may read it. */
describe('GET /api/conversations/:id/files', () => {
  let server: TestServer;
  const open: { disconnect(): void }[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { CUSTOMER_MESSAGE_RATE: '1000', AGENT_MESSAGE_RATE: '1000' },
    });
  });
  afterAll(async () => {
    for (const participant of open) participant.disconnect();
    await server.stop();
  });

  it('lists every message carrying a file, newest first, notes too; an agent it is not assigned to is refused', async () => {
    const customer = new TestCustomer(server.url);
    open.push(customer);
    await customer.connect();
    const { conversation } = await customer.start();
    const desk = await TestAgentDesk.open(server, { displayName: 'Ines' });
    open.push(desk);
    await server.app.services.conversations.assign(conversation.id, desk.principal);

    const sendFile = async (who: TestCustomer | TestAgentDesk, name: string, internal = false) => {
      const view = expectUploaded(
        await upload(server.url, who, conversation.id, { name, bytes: tinyPdf() }, internal ? { internal } : {}),
      );
      return expectSent(
        await who.request<MessageSent>('message.send', {
          conversationId: conversation.id,
          clientMessageId: randomUUID(),
          body: '',
          attachmentId: view.id,
          ...(internal ? { internal } : {}),
        }),
      ).message;
    };
    const first = await sendFile(customer, 'receipt.pdf');
    for (let n = 0; n < 60; n += 1) expectSent(await customer.send(conversation.id, `line ${n}`));
    const note = await sendFile(desk, 'diagnosis.pdf', true);

    // A supervisor may read every chat; an agent it is not assigned to may not.
    const stranger = await createSignedInAgent(server, { displayName: 'Noor', role: 'agent' });
    const supervisor = await createSignedInAgent(server, { displayName: 'Sam', role: 'supervisor' });
    const listed = await agentFetch(server.url, supervisor, `/api/conversations/${conversation.id}/files`);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as ConversationFiles;
    expect(body.messages.map((message) => [message.id, message.attachment?.name])).toEqual([
      [note.id, 'diagnosis.pdf'],
      [first.id, 'receipt.pdf'],
    ]);
    expect(body.messages[0]?.internal).toBe(true);
    expect(body.messages[1]?.attachment?.url).toMatch(/^\/api\/files\/[0-9a-f]{24}\/original\?/);

    const refused = await agentFetch(server.url, stranger, `/api/conversations/${conversation.id}/files`);
    // As for every conversation route, agents are told FORBIDDEN (customers, who could probe ids, NOT_FOUND).
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const bad = await agentFetch(server.url, supervisor, '/api/conversations/not-an-id/files');
    expect(bad.status).toBe(400);
  });
});
