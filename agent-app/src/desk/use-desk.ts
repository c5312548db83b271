import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DeskClient } from './desk-client.js';
import type { ChatState, DeskState } from './desk-state.js';

export const DeskContext = createContext<DeskClient | null>(null);

/** The desk's client, for actions. Components call its methods, never the socket. */
export function useDeskClient(): DeskClient {
  const client = useContext(DeskContext);
  if (!client) throw new Error('useDeskClient outside <DeskContext>');
  return client;
}

export function useDeskState(): DeskState {
  const client = useDeskClient();
  return useSyncExternalStore(client.subscribe, client.getState);
}

export function useChat(conversationId: string | undefined): ChatState | undefined {
  const state = useDeskState();
  return conversationId === undefined ? undefined : state.chats[conversationId];
}
