import type { ConversationFiles, MessageView } from '@switchboard/shared';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/rest.js';

/**
 * Every message of the conversation that carries a file, newest first: the
 * server's list (the desk holds only the latest pages of a long chat) with
 * the messages in view laid over it, so a file sent a moment ago shows at
 * once and links are the freshest held. Unreadable: the files in view.
 */
export function useConversationFiles(conversationId: string, inView: readonly MessageView[]): MessageView[] {
  const [stored, setStored] = useState<{ conversationId: string; messages: MessageView[] } | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<ConversationFiles>(`/api/conversations/${conversationId}/files`)
      .then((result) => {
        if (live) setStored({ conversationId, messages: result.messages });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [conversationId]);
  return useMemo(() => {
    const byId = new Map<string, MessageView>();
    if (stored?.conversationId === conversationId) for (const message of stored.messages) byId.set(message.id, message);
    for (const message of inView) if (message.attachment) byId.set(message.id, message);
    return [...byId.values()].sort((a, b) => b.seq - a.seq);
  }, [conversationId, stored, inView]);
}
