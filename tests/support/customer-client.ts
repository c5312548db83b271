import {
  PROTOCOL_VERSION,
  type ConversationStarted,
  type CustomerIdentity,
  type CustomerSessionReady,
  type Prechat,
} from '@switchboard/shared';
import { io } from 'socket.io-client';
import { TestParticipant } from './participant.js';
import type { SocketTransport } from './socket-client.js';

export const defaultPrechat: Prechat = {
  name: 'Marie',
  email: 'marie@example.com',
  topic: 'iphone-battery',
  language: 'fr',
};

/** A customer as the widget behaves: keeps its visitor token and resumes with it. */
export class TestCustomer extends TestParticipant {
  visitorToken: string | undefined;
  /** What the server said about this visitor on the last connect. */
  ready: CustomerSessionReady | undefined;

  constructor(
    private baseUrl: string,
    private readonly options: {
      identity?: CustomerIdentity;
      origin?: string;
      transports?: SocketTransport[];
      /** Extra handshake headers, e.g. the `X-Forwarded-For` a load balancer adds. */
      headers?: Record<string, string>;
      /** The loopback address to connect from (127.0.0.2, …): another client machine, as a proxy sees it. */
      localAddress?: string;
    } = {},
  ) {
    super();
  }

  /** Connects (to `baseUrl`, or another server process), then catches up. */
  async connect(baseUrl = this.baseUrl): Promise<void> {
    this.baseUrl = baseUrl;
    this.listen(
      io(`${baseUrl}/customer`, {
        transports: this.options.transports ?? ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: {
          protocolVersion: PROTOCOL_VERSION,
          ...(this.visitorToken ? { visitorToken: this.visitorToken } : {}),
          ...(this.options.identity ? { identity: this.options.identity } : {}),
        },
        extraHeaders: { ...this.options.headers, ...(this.options.origin ? { origin: this.options.origin } : {}) },
        ...(this.options.localAddress ? { localAddress: this.options.localAddress } : {}),
      }),
    );
    this.ready = await new Promise<CustomerSessionReady>((resolve, reject) => {
      this.socket.once('session.ready', resolve);
      this.socket.once('connect_error', reject);
    });
    for (const conversation of this.ready.conversations) this.log(conversation.id);
    await this.sync();
  }

  async start(prechat: Prechat = defaultPrechat): Promise<ConversationStarted> {
    const result = await this.request<ConversationStarted>('conversation.start', { prechat });
    if (!result.ok) throw new Error(`start failed: ${result.error.code} ${result.error.message}`);
    this.visitorToken ??= result.data.visitorToken;
    this.log(result.data.conversation.id);
    return result.data;
  }
}
