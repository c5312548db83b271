import type { AttachmentView, MessageView } from '@switchboard/shared';
import type { AttachmentRef } from '../attachments/attachment-links.js';
import type { MessageDocument } from './message.model.js';

/** `.lean()` gives a plain object for a Map field, a hydrated document a Map; the types only know the Map. */
function plainParams(params: unknown): Record<string, string> {
  if (params instanceof Map) return Object.fromEntries(params) as Record<string, string>;
  return (params ?? {}) as Record<string, string>;
}

export function toMessageView(
  message: MessageDocument,
  attachmentView?: (ref: AttachmentRef) => AttachmentView,
): MessageView {
  const author = message.author ?? { kind: 'system' as const };
  const params = message.system?.params;
  return {
    id: message._id.toHexString(),
    conversationId: message.conversationId.toHexString(),
    seq: message.seq,
    clientMessageId: message.clientMessageId,
    author: {
      kind: author.kind,
      ...(author.id ? { id: author.id } : {}),
      ...(author.displayName ? { displayName: author.displayName } : {}),
      ...(author.avatarUrl ? { avatarUrl: author.avatarUrl } : {}),
    },
    body: message.body,
    internal: message.internal,
    masked: message.masked,
    ...(message.system?.event
      ? {
          system: {
            event: message.system.event,
            params: plainParams(params),
          },
        }
      : {}),
    ...(message.attachment && attachmentView
      ? { attachment: attachmentView(message.attachment as unknown as AttachmentRef) }
      : {}),
    createdAt: message.createdAt.toISOString(),
  };
}
