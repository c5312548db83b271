import type { PublicWidgetSettings } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS } from '../prechat/form-config';

function isSettings(value: unknown): value is PublicWidgetSettings {
  const settings = value as Partial<PublicWidgetSettings> | null;
  return typeof settings?.fields === 'object' && typeof settings.colors === 'object';
}

/**
 * The deployment's widget settings (form fields, colour, greeting, transcript
 * offer); `null` while loading. Fetched on every frame load, so an admin's
 * change shows on the next page a customer opens. Unreachable: the defaults.
 * `reload()` fetches them again and keeps the current ones meanwhile (the form
 * stays mounted, with what the customer typed).
 */
export function useWidgetSettings(): { settings: PublicWidgetSettings | null; reload: () => void } {
  const [settings, setSettings] = useState<PublicWidgetSettings | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    fetch('/api/public/widget-settings', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<{ settings?: unknown }>) : { settings: null }))
      .then((body) => live && setSettings(isSettings(body.settings) ? body.settings : DEFAULT_SETTINGS))
      .catch(() => live && setSettings(DEFAULT_SETTINGS));
    return () => {
      live = false;
    };
  }, [generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { settings, reload };
}
