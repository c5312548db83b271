import {
  WIDGET_BRIDGE_SOURCE,
  WIDGET_BRIDGE_VERSION,
  type CustomerIdentity,
  type HostToFrameBody,
  type SwitchboardApi,
  type WidgetEventName,
  type WidgetPrefill,
} from '@switchboard/shared';
import { isFrameMessage } from './frame-message';
import { createLauncherUi } from './launcher-ui';
import { SERVED_BRAND, applyOptions, normalizeLocale, readSettings } from './settings';

/**
 * The embed script (built to dist/loader.js as one IIFE): draws the launcher,
 * creates the chat iframe on first open and bridges the host page's
 * `window.Switchboard` API to it. Everything stays inside this closure; the
 * only global it writes is `Switchboard`.
 */

type Handler = (payload?: unknown) => void;
/** The snippet's stub: `Switchboard(...)` calls made before this script ran, queued in `q`. */
type Stub = ((...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; loaded?: boolean };
const globals = window as unknown as { Switchboard?: Stub };

/** Keeps only the string fields the frame accepts, so a host object never fails to clone. */
function pick(value: unknown, keys: string[]): Record<string, string> {
  const source = (value ?? {}) as Record<string, unknown>;
  const picked: Record<string, string> = {};
  for (const key of keys) if (typeof source[key] === 'string') picked[key] = source[key];
  return picked;
}

function boot(): void {
  const stub = globals.Switchboard;
  // Pasted twice: the first copy keeps running.
  if (typeof stub === 'function' && stub.loaded) return;
  const script = (document.currentScript ??
    document.querySelector('script[src*="/widget/loader.js"]')) as HTMLScriptElement | null;
  if (!script?.src) return;
  const settings = readSettings(script);
  const server = settings.server;
  const queued = typeof stub === 'function' ? Array.from(stub.q ?? [], (args) => Array.from(args)) : [];
  // Settings first, so the launcher is drawn once with the final ones.
  for (const [method, options] of queued) {
    if (method === 'init' && options && typeof options === 'object')
      applyOptions(settings, options as Record<string, unknown>);
  }
  // The admins' saved colour wins over the snippet's, as it does in the panel.
  applyOptions(settings, { color: SERVED_BRAND });

  let open = false;
  let ready = false;
  let frame: HTMLIFrameElement | undefined;
  let warmed = false;
  /** The page called setLocale: a reloaded frame is told again, so the call keeps winning over the chat's language. */
  let localeSet = false;
  let identity: CustomerIdentity | undefined;
  let prefill: WidgetPrefill = {};
  const handlers: Record<WidgetEventName, Set<Handler>> = { opened: new Set(), closed: new Set(), message: new Set() };

  const post = (body: HostToFrameBody) => {
    // Explicit target origin: if the frame ever navigated elsewhere, nothing is delivered.
    if (ready)
      frame?.contentWindow?.postMessage({ source: WIDGET_BRIDGE_SOURCE, v: WIDGET_BRIDGE_VERSION, ...body }, server);
  };
  // Each handler in its own task: a broken host handler cannot break the widget
  // or the other handlers, and its error still reaches the console.
  const emit = (name: WidgetEventName, payload?: unknown) => {
    for (const handler of handlers[name]) setTimeout(handler, 0, payload);
  };
  const sendState = () => {
    post({
      type: 'config',
      config: {
        siteKey: settings.siteKey,
        locale: settings.locale,
        position: settings.position,
        color: settings.color,
        pageUrl: /^https?:/.test(location.href) ? location.href.slice(0, 2048) : undefined,
      },
    });
    if (localeSet) post({ type: 'setLocale', locale: settings.locale });
    if (identity) post({ type: 'identify', identity });
    if (Object.keys(prefill).length) post({ type: 'prefill', fields: prefill });
    post({ type: open ? 'open' : 'close' });
  };

  const onMessage = (event: MessageEvent) => {
    // Only our own frame, and only while it shows our server's page.
    if (!frame || event.origin !== server || event.source !== frame.contentWindow) return;
    const message: unknown = event.data;
    if (!isFrameMessage(message)) return;
    if (message.type === 'ready') {
      // Also after the frame reloads: it starts from nothing, so send everything again.
      ready = true;
      sendState();
      if (open) frame.focus();
    } else if (message.type === 'state') ui.setUnread(open ? 0 : message.unread);
    else if (message.type === 'event') emit('message', { author: message.data.author, text: message.data.text });
    else setOpen(false);
  };

  const createFrame = () => {
    frame = document.createElement('iframe');
    const query = new URLSearchParams({ origin: location.origin, site: settings.siteKey, locale: settings.locale });
    frame.src = `${server}/widget/?${query.toString()}`;
    // Scripts, its own storage (resume after reload) and forms; links open in a normal new tab.
    frame.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox',
    );
    frame.setAttribute('allow', 'clipboard-write');
    addEventListener('message', onMessage);
    ui.mount(frame);
  };

  const setOpen = (next: boolean) => {
    if (next === open) return;
    const hadFocus = ui.hasFocus();
    open = next;
    if (open && !frame) createFrame();
    ui.show(open);
    if (open) ui.setUnread(0);
    post({ type: open ? 'open' : 'close' });
    if (open && ready) frame?.focus();
    if (!open && hadFocus) ui.focusLauncher();
    emit(open ? 'opened' : 'closed');
  };

  const ui = createLauncherUi(settings, {
    toggle: () => setOpen(!open),
    escape: () => setOpen(false),
    warm() {
      if (warmed || frame) return;
      warmed = true;
      const link = document.createElement('link');
      link.rel = 'preconnect';
      link.href = server;
      document.head.appendChild(link);
    },
  });

  const api: SwitchboardApi = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!open),
    identify(value) {
      identity = pick(value, ['userId', 'email', 'name', 'userHash']) as CustomerIdentity;
      post({ type: 'identify', identity });
    },
    setLocale(tag) {
      settings.locale = normalizeLocale(tag) ?? 'en';
      localeSet = true;
      ui.setLocale(settings.locale);
      post({ type: 'setLocale', locale: settings.locale });
    },
    prefill(fields) {
      const picked = pick(fields, ['name', 'email', 'topic', 'region']) as WidgetPrefill;
      prefill = { ...prefill, ...picked };
      post({ type: 'prefill', fields: picked });
    },
    on(event, handler) {
      const set = handlers[event] as Set<Handler> | undefined;
      if (!set || typeof handler !== 'function') return () => undefined;
      set.add(handler as Handler);
      return () => void set.delete(handler as Handler);
    },
  };
  const methods = api as unknown as Record<string, (...args: unknown[]) => unknown>;
  // Callable too, so the snippet's `Switchboard('open')` style keeps working after load.
  const Switchboard: Stub = Object.assign((method: unknown, ...args: unknown[]) => {
    // `in {}` keeps Object.prototype's names (toString, constructor…) out.
    const fn = typeof method === 'string' && !(method in {}) ? methods[method] : undefined;
    return typeof fn === 'function' ? fn(...args) : undefined;
  }, api);
  Switchboard.loaded = true;
  globals.Switchboard = Switchboard;
  for (const [method, ...args] of queued) Switchboard(method, ...args);
}

boot();
