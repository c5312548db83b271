import { setTimeout as sleep } from 'node:timers/promises';
import { createBroadcaster } from '@switchboard/server';
import type { ConversationView, MessageView } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAgentSocket, createSignedInAgent } from '../support/agent-client.js';
import { waitForConnect } from '../support/socket-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// An assignment joins the agent to the chat's room and tells the room at once,
// with nothing awaited between: the join must already hold for that emit. The
// Redis adapter alone applied a join only when its own pub/sub request came
// back, so the agent missed the assignment (seen in the routing benchmark as a
// chat assigned and never shown on its agent's desk).

describe('room joins and leaves', () => {
  let server: TestServer;
  let agentId: string;
  let socket: Socket;
  beforeAll(async () => {
    server = await startTestServer({ testFile: import.meta.filename });
    const agent = await createSignedInAgent(server);
    agentId = agent.agent.id;
    socket = connectAgentSocket(server.url, agent.cookie);
    await waitForConnect(socket);
  });
  afterAll(async () => {
    socket.disconnect();
    await server.stop();
  });

  const heard = (event: string, conversationId: string) => {
    const seen: string[] = [];
    socket.on(event, (payload: { id: string; conversationId?: string }) => {
      if ((payload.conversationId ?? payload.id) === conversationId) seen.push(payload.id);
    });
    return seen;
  };

  it('delivers an emit made right after a join to the socket that joined', async () => {
    const broadcast = createBroadcaster(server.app.sockets);
    const conversationId = new Types.ObjectId().toHexString();
    const updates = heard('conversation.updated', conversationId);
    broadcast.joinAgent(agentId, conversationId);
    broadcast.conversationUpdated({ id: conversationId, status: 'active' } as ConversationView);
    await expect.poll(() => updates.length).toBe(1);
  });

  it('keeps an emit made right after a leave from the socket that left', async () => {
    const broadcast = createBroadcaster(server.app.sockets);
    const conversationId = new Types.ObjectId().toHexString();
    broadcast.joinAgent(agentId, conversationId);
    const messages = heard('message.created', conversationId);
    // In the room for sure (on every path): it hears the room.
    await expect
      .poll(() => {
        broadcast.messageCreated({ id: 'm0', conversationId, internal: true } as MessageView);
        return messages.length;
      })
      .toBeGreaterThan(0);
    broadcast.leaveAgent(agentId, conversationId);
    broadcast.messageCreated({ id: 'm1', conversationId, internal: true } as MessageView);
    // Whatever would arrive comes within a round trip over loopback and Redis.
    await sleep(300);
    expect(messages).not.toContain('m1');
  });
});
