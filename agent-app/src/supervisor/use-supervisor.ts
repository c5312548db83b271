import { createContext, useContext, useSyncExternalStore } from 'react';
import type { SupervisorClient, SupervisorState } from './supervisor-client.js';

export const SupervisorContext = createContext<SupervisorClient | null>(null);

/** The console's client, for actions. Components call its methods, never the socket. */
export function useSupervisorClient(): SupervisorClient {
  const client = useContext(SupervisorContext);
  if (!client) throw new Error('useSupervisorClient outside <SupervisorContext>');
  return client;
}

export function useSupervisorState(): SupervisorState {
  const client = useSupervisorClient();
  return useSyncExternalStore(client.subscribe, client.getState);
}
