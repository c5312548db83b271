import type { ReactNode } from 'react';
import { t } from '../../i18n/console.js';

/**
 * The row above each admin list: "New" for those allowed to change the list
 * (a read-only hint for the others), any filters the tab has (`children`),
 * and a live notice of the last change.
 */
export function AdminToolbar(props: {
  canEdit: boolean;
  onNew: () => void;
  notice: string | undefined;
  children?: ReactNode;
}) {
  return (
    <div className="admin__toolbar">
      {props.canEdit ? (
        <button type="button" className="button button--primary" onClick={props.onNew}>
          {t('admin.new')}
        </button>
      ) : (
        <p className="admin__hint">{t('admin.readOnly')}</p>
      )}
      {props.children}
      <span role="status" className="admin__notice">
        {props.notice}
      </span>
    </div>
  );
}

/** Lists hide archived entries unless asked; archiving is how admins remove things. */
export function ShowArchivedToggle(props: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="admin__check">
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      {t('admin.showArchived')}
    </label>
  );
}
