import { useSyncExternalStore } from 'react';
import type { ChatClient } from '../client/chat-client';
import type { ChatState } from '../client/chat-state';

/** The client's current snapshot; re-renders when it changes. */
export function useChatState(client: ChatClient): ChatState {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}
