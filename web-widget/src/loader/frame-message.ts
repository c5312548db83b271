import { WIDGET_BRIDGE_SOURCE, WIDGET_BRIDGE_VERSION, type FrameToHostMessage } from '@switchboard/shared';

/**
 * A hand-written check of what the frame sends, standing in for
 * `frameToHostMessageSchema` (zod would triple the loader's size). Only
 * messages from our own frame reach it; it guards against a frame of another
 * version or a bug, so it checks what the loader reads, nothing more.
 */
export function isFrameMessage(data: unknown): data is FrameToHostMessage {
  const message = (data ?? {}) as Record<string, unknown>;
  const body = (message.data ?? {}) as Record<string, unknown>;
  const type = message.type;
  return (
    message.source === WIDGET_BRIDGE_SOURCE &&
    message.v === WIDGET_BRIDGE_VERSION &&
    (type === 'ready' ||
      type === 'requestClose' ||
      (type === 'state' && typeof message.unread === 'number') ||
      (type === 'event' && typeof body.text === 'string' && typeof body.author === 'string'))
  );
}
