import type { ConnectionState } from '../desk/desk-state.js';
import { t } from '../i18n/index.js';

/** Only while the desk cannot talk to the server: a calm bar, not a modal. */
export function ConnectionBanner({ connection }: { connection: ConnectionState }) {
  if (connection === 'online' || connection === 'ended') return null;
  return (
    <div className={`banner banner--${connection}`} role="status">
      {connection === 'reconnecting' ? t('banner.reconnecting') : t('banner.connecting')}
    </div>
  );
}
