import type { AgentSessionReady, AgentView } from '@switchboard/shared';
import type { AgentPrincipal } from '@switchboard/server';
import { connectAgentSocket, createSignedInAgent } from './agent-client.js';
import { TestParticipant } from './participant.js';
import type { SocketTransport } from './socket-client.js';
import type { TestServer } from './test-server.js';

/** A signed-in agent's desk: its socket, logs and catch-up, like the agent app. */
export class TestAgentDesk extends TestParticipant {
  ready: AgentSessionReady | undefined;
  private transports: SocketTransport[] | undefined;

  private constructor(
    private cookie: string,
    readonly principal: AgentPrincipal,
  ) {
    super();
  }

  /** Creates and signs in an agent (see createAgent for defaults) and connects its desk to `server`. */
  static async open(
    server: TestServer,
    fields: Parameters<typeof createSignedInAgent>[1] = {},
  ): Promise<TestAgentDesk> {
    const signed = await createSignedInAgent(server, fields);
    return TestAgentDesk.openSession(server.url, signed);
  }

  /** Connects a desk for an agent signed in elsewhere (e.g. through the cluster tests' load balancer). */
  static async openSession(
    baseUrl: string,
    session: { cookie: string; agent: AgentView },
    options: { transports?: SocketTransport[] } = {},
  ): Promise<TestAgentDesk> {
    const { agent } = session;
    const desk = new TestAgentDesk(session.cookie, {
      id: agent.id,
      role: agent.role,
      displayName: agent.displayName,
      ...(agent.avatarUrl ? { avatarUrl: agent.avatarUrl } : {}),
      departmentIds: agent.departmentIds,
      languages: agent.languages,
      capacity: agent.capacity,
    });
    desk.transports = options.transports;
    await desk.connect(baseUrl);
    return desk;
  }

  /** Connects to a server process (the same session works on every process), then catches up. */
  async connect(baseUrl: string): Promise<void> {
    this.listen(connectAgentSocket(baseUrl, this.cookie, this.transports ? { transports: this.transports } : {}));
    this.ready = await new Promise<AgentSessionReady>((resolve, reject) => {
      this.socket.once('session.ready', resolve);
      this.socket.once('connect_error', reject);
    });
    for (const conversation of this.ready.conversations) this.log(conversation.id);
    await this.sync();
  }
}
