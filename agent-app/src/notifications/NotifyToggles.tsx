import { useState } from 'react';
import { t } from '../i18n/index.js';
import { loadNotifySettings, requestDesktopPermission, saveNotifySettings, type NotifySettings } from './notifier.js';

/** Sound and desktop alerts for when the desk is in a background tab; each switchable. */
export function NotifyToggles() {
  const [settings, setSettings] = useState<NotifySettings>(loadNotifySettings);

  const change = (next: NotifySettings) => {
    setSettings(next);
    saveNotifySettings(next);
  };

  return (
    <div className="toggles">
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings.sound}
          onChange={(e) => {
            change({ ...settings, sound: e.target.checked });
          }}
        />
        {t('top.sound')}
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings.desktop}
          onChange={(e) => {
            const desktop = e.target.checked;
            change({ ...settings, desktop });
            // The permission prompt needs this click; if it is refused, the box says so by unticking.
            if (desktop) {
              void requestDesktopPermission().then((granted) => {
                if (!granted) change({ ...settings, desktop: false });
              });
            }
          }}
        />
        {t('top.notifications')}
      </label>
    </div>
  );
}
