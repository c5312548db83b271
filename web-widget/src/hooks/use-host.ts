import type { CustomerIdentity, Locale, WidgetConfig, WidgetPrefill } from '@switchboard/shared';
import { resolveLocale } from '@switchboard/shared/i18n';
import { useEffect, useState } from 'react';
import type { HostBridge } from '../bridge/host-bridge';

export interface HostState {
  open: boolean;
  locale: Locale;
  /**
   * Counts the host page's `setLocale` calls (the loader repeats the last
   * one after a frame reload): a call wins over the chat's own language.
   */
  localeCalls: number;
  config: WidgetConfig | null;
  identity: CustomerIdentity | null;
  prefill: WidgetPrefill;
}

/**
 * The locale before the host says anything: the loader's `?locale=` (the
 * script tag's or the page's language), else the browser's languages.
 */
export function initialLocale(search: string, languages: readonly string[]): Locale {
  const fromLoader = new URLSearchParams(search).get('locale');
  return resolveLocale(fromLoader ? [fromLoader, ...languages] : languages);
}

/** What the host page told the frame through the bridge (its JS API). A frame opened on its own counts as open. */
export function useHost(bridge: HostBridge): HostState {
  const [state, setState] = useState<HostState>(() => ({
    open: bridge.parentOrigin === null,
    locale: initialLocale(location.search, navigator.languages),
    localeCalls: 0,
    config: null,
    identity: null,
    prefill: {},
  }));
  useEffect(() => {
    const set = (changes: Partial<HostState>) => setState((current) => ({ ...current, ...changes }));
    const offs = [
      bridge.on('open', () => set({ open: true })),
      bridge.on('close', () => set({ open: false })),
      bridge.on('setLocale', ({ locale }) =>
        setState((current) => ({ ...current, locale, localeCalls: current.localeCalls + 1 })),
      ),
      bridge.on('config', ({ config }) => set({ config, locale: config.locale })),
      bridge.on('identify', ({ identity }) => set({ identity })),
      bridge.on('prefill', ({ fields }) =>
        setState((current) => ({ ...current, prefill: { ...current.prefill, ...fields } })),
      ),
    ];
    bridge.post({ type: 'ready' });
    return () => offs.forEach((off) => off());
  }, [bridge]);
  return state;
}
