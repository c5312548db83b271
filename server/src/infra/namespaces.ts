import type {
  AgentClientEvents,
  AgentServerEvents,
  CustomerClientEvents,
  CustomerServerEvents,
  NamespaceName,
} from '@switchboard/shared';
import type { Namespace, Server, Socket } from 'socket.io';
import type { AgentSocketData } from '../auth/principal.js';
import type { CustomerSocketData } from '../customers/customer-auth.js';

/** What server processes tell each other on `/agent` (`serverSideEmit`, through the Redis adapter). */
export interface AgentServerSideEvents {
  /** An admin changed this agent (role, capacity, …): reload their principal into this process's sockets. */
  'agent.principal-changed': (agentId: string) => void;
}

/**
 * Each namespace's protocol as Socket.IO's four type parameters: what clients
 * send, what the server sends, what server processes send each other, and
 * what a socket keeps in `socket.data`.
 */
export interface NamespaceTypes {
  customer: {
    client: CustomerClientEvents;
    server: CustomerServerEvents;
    // None (Socket.IO spells "no events" `{}`): customer sockets need nothing between processes but rooms.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- see above
    serverSide: {};
    data: CustomerSocketData;
  };
  agent: {
    client: AgentClientEvents;
    server: AgentServerEvents;
    serverSide: AgentServerSideEvents;
    data: AgentSocketData;
  };
}

type Types<N extends NamespaceName> = NamespaceTypes[N];

/** A Socket.IO server typed for one namespace's protocol. */
export type NamespaceServer<N extends NamespaceName> = Server<
  Types<N>['client'],
  Types<N>['server'],
  Types<N>['serverSide'],
  Types<N>['data']
>;
export type TypedNamespace<N extends NamespaceName> = Namespace<
  Types<N>['client'],
  Types<N>['server'],
  Types<N>['serverSide'],
  Types<N>['data']
>;
export type TypedSocket<N extends NamespaceName> = Socket<
  Types<N>['client'],
  Types<N>['server'],
  Types<N>['serverSide'],
  Types<N>['data']
>;

export type CustomerSocket = TypedSocket<'customer'>;
export type AgentSocket = TypedSocket<'agent'>;
/** A socket of either namespace, for what every namespace does alike (handshake checks, flood guard). */
export type AnySocket = CustomerSocket | AgentSocket;

/** The events clients may send on a namespace (on either, without one). */
export type ClientEventName<N extends NamespaceName = NamespaceName> = N extends NamespaceName
  ? keyof NamespaceTypes[N]['client'] & string
  : never;
