import { describe, expect, it, vi } from 'vitest';
import { createHostBridge, readParentOrigin } from './host-bridge';

const HOST = 'https://shop.example';

/** Just enough of a window for the bridge: event targets and a parent with postMessage. */
function fakeFrameWindow() {
  const parent = { postMessage: vi.fn() };
  const win = Object.assign(new EventTarget(), {
    parent,
    document: new EventTarget(),
    location: { search: `?origin=${encodeURIComponent(HOST)}&site=demo` },
  });
  const deliver = (data: unknown, origin = HOST, source: unknown = parent) =>
    win.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
  return { win, parent, deliver, asWindow: win as unknown as Window };
}

const message = (body: Record<string, unknown>) => ({ source: 'switchboard', v: 1, ...body });

describe('readParentOrigin', () => {
  it('accepts a bare origin and refuses anything else', () => {
    expect(readParentOrigin('?origin=https%3A%2F%2Fshop.example')).toBe(HOST);
    expect(readParentOrigin('?origin=https%3A%2F%2Fshop.example%2Fpath')).toBeNull();
    expect(readParentOrigin('?origin=javascript%3Aalert(1)')).toBeNull();
    expect(readParentOrigin('?origin=')).toBeNull();
    expect(readParentOrigin('')).toBeNull();
  });
});

describe('createHostBridge', () => {
  it('delivers valid messages from the parent at the allowed origin', () => {
    const { asWindow, deliver } = fakeFrameWindow();
    const bridge = createHostBridge({ window: asWindow });
    const onLocale = vi.fn();
    bridge.on('setLocale', onLocale);
    deliver(message({ type: 'setLocale', locale: 'fr' }));
    expect(onLocale).toHaveBeenCalledWith(message({ type: 'setLocale', locale: 'fr' }));
  });

  it('drops messages from another origin, another window, or of the wrong shape', () => {
    const { asWindow, deliver } = fakeFrameWindow();
    const onInvalid = vi.fn();
    const bridge = createHostBridge({ window: asWindow, onInvalid });
    const onOpen = vi.fn();
    bridge.on('open', onOpen);
    deliver(message({ type: 'open' }), 'https://evil.example');
    deliver(message({ type: 'open' }), HOST, { postMessage: vi.fn() });
    deliver({ type: 'open' });
    deliver('open');
    deliver(message({ type: 'open', v: 2 }));
    deliver(message({ type: 'setLocale', locale: 'de' }));
    deliver(message({ type: 'identify', identity: { userId: 'u1', userHash: 'not-hex' } }));
    expect(onOpen).not.toHaveBeenCalled();
    expect(onInvalid).toHaveBeenCalledTimes(3);
  });

  it('posts to the parent with the exact host origin as target', () => {
    const { asWindow, parent } = fakeFrameWindow();
    createHostBridge({ window: asWindow }).post({ type: 'state', open: true, unread: 2 });
    expect(parent.postMessage).toHaveBeenCalledWith(message({ type: 'state', open: true, unread: 2 }), HOST);
  });

  it('posts nothing without a parent origin', () => {
    const { asWindow, parent } = fakeFrameWindow();
    createHostBridge({ window: asWindow, parentOrigin: null }).post({ type: 'ready' });
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('relays Escape as requestClose unless the app handled it, and stops after dispose', () => {
    const { win, asWindow, parent } = fakeFrameWindow();
    const bridge = createHostBridge({ window: asWindow });
    win.document.dispatchEvent(Object.assign(new Event('keydown', { cancelable: true }), { key: 'Escape' }));
    expect(parent.postMessage).toHaveBeenCalledWith(message({ type: 'requestClose' }), HOST);
    const handled = Object.assign(new Event('keydown', { cancelable: true }), { key: 'Escape' });
    handled.preventDefault();
    win.document.dispatchEvent(handled);
    bridge.dispose();
    win.document.dispatchEvent(Object.assign(new Event('keydown'), { key: 'Escape' }));
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
  });

  it('stops delivering after unsubscribe', () => {
    const { asWindow, deliver } = fakeFrameWindow();
    const bridge = createHostBridge({ window: asWindow });
    const onClose = vi.fn();
    const off = bridge.on('close', onClose);
    deliver(message({ type: 'close' }));
    off();
    deliver(message({ type: 'close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
