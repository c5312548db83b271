import {
  WIDGET_BRIDGE_SOURCE,
  WIDGET_BRIDGE_VERSION,
  type FrameToHostBody,
  type HostToFrameMessage,
} from '@switchboard/shared';
import { parseHostMessage } from './host-message';

type HostMessageType = HostToFrameMessage['type'];
type HostMessage<T extends HostMessageType> = Extract<HostToFrameMessage, { type: T }>;

/**
 * The widget app's end of the postMessage bridge to the loader on the host
 * page. Framework-free: React hooks sit on top of it.
 */
export interface HostBridge {
  /** The host page's origin, from `?origin=` (the server only serves the frame to allowed origins). Null when not embedded. */
  readonly parentOrigin: string | null;
  /** Subscribes to one message type from the host; returns the unsubscribe function. */
  on<T extends HostMessageType>(type: T, handler: (message: HostMessage<T>) => void): () => void;
  /** Posts to the host page with its exact origin as the target; a no-op when not embedded. */
  post(body: FrameToHostBody): void;
  dispose(): void;
}

export interface HostBridgeOptions {
  /** The frame's window (tests pass a stand-in). */
  window?: Window;
  /** Defaults to the `origin` query parameter of the frame's URL. */
  parentOrigin?: string | null;
  /** Escape anywhere in the frame asks the host to close, unless a handler called preventDefault(). Default true. */
  closeOnEscape?: boolean;
  /** Called with messages that look like ours but fail validation (e.g. a loader of another version). */
  onInvalid?: (data: unknown) => void;
}

/** The `origin` query parameter if it is a bare origin (`https://shop.example`), else null. */
export function readParentOrigin(search: string): string | null {
  const claimed = new URLSearchParams(search).get('origin');
  if (!claimed) return null;
  try {
    return new URL(claimed).origin === claimed ? claimed : null;
  } catch {
    return null;
  }
}

function looksLikeOurs(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === WIDGET_BRIDGE_SOURCE;
}

/**
 * Listens to the host page. A message counts only if it comes from the parent
 * window, from the origin the frame was served for, and passes the shared zod
 * schema (checked by hand, see host-message.ts); anything else is dropped silently (pages post all kinds of messages).
 * Call `post({ type: 'ready' })` once handlers are registered: the loader
 * answers with config, identity, prefill and the open state.
 */
export function createHostBridge(options: HostBridgeOptions = {}): HostBridge {
  const win = options.window ?? window;
  const parentOrigin =
    options.parentOrigin !== undefined ? options.parentOrigin : readParentOrigin(win.location.search);
  const parent = win.parent !== win ? win.parent : null;
  const handlers = new Map<HostMessageType, Set<(message: HostToFrameMessage) => void>>();

  const post = (body: FrameToHostBody) => {
    if (!parent || !parentOrigin) return;
    parent.postMessage({ source: WIDGET_BRIDGE_SOURCE, v: WIDGET_BRIDGE_VERSION, ...body }, parentOrigin);
  };

  const onMessage = (event: MessageEvent) => {
    if (!parent || event.source !== parent || event.origin !== parentOrigin) return;
    const data: unknown = event.data;
    if (!looksLikeOurs(data)) return;
    const parsed = parseHostMessage(data);
    if (!parsed) {
      options.onInvalid?.(data);
      return;
    }
    for (const handler of handlers.get(parsed.type) ?? []) handler(parsed);
  };

  // Keydown inside the frame never reaches the host page, so the frame relays Escape.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) post({ type: 'requestClose' });
  };

  win.addEventListener('message', onMessage);
  const closeOnEscape = options.closeOnEscape ?? true;
  if (closeOnEscape) win.document.addEventListener('keydown', onKeyDown);

  return {
    parentOrigin,
    on(type, handler) {
      let set = handlers.get(type);
      if (!set) handlers.set(type, (set = new Set()));
      const entry = handler as (message: HostToFrameMessage) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
    post,
    dispose() {
      win.removeEventListener('message', onMessage);
      if (closeOnEscape) win.document.removeEventListener('keydown', onKeyDown);
      handlers.clear();
    },
  };
}
