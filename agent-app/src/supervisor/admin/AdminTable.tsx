import type { ReactNode } from 'react';
import { t } from '../../i18n/console.js';

/**
 * An admin list as a table, or "Loading…" until it first arrives. `emptyText`,
 * when given, replaces a table with no rows. `actions` adds a last column of
 * row buttons (its heading only for screen readers); leave it out for viewers
 * who may not change the list, so they see no buttons that would fail.
 */
export function AdminTable<Item extends { id: string }>(props: {
  items: readonly Item[] | undefined;
  headings: readonly string[];
  emptyText?: string;
  rowClassName: (item: Item) => string | undefined;
  cells: (item: Item) => ReactNode;
  actions?: (item: Item) => ReactNode;
}) {
  const { items, actions } = props;
  if (items === undefined) return <p className="empty-state">{t('admin.loading')}</p>;
  if (props.emptyText !== undefined && items.length === 0) return <p className="empty-state">{props.emptyText}</p>;
  return (
    <table className="board__table admin__table">
      <thead>
        <tr>
          {props.headings.map((heading) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="visually-hidden">{t('admin.edit')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className={props.rowClassName(item)}>
            {props.cells(item)}
            {actions && <td className="admin__row-actions">{actions(item)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A small button in a row's action cell. With `target`, its accessible name
 * says which row it acts on ("Edit Sales"), since every row has the same button.
 */
export function RowButton(props: { label: string; target?: string; danger?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={props.danger ? 'button button--small button--danger' : 'button button--small'}
      aria-label={props.target === undefined ? undefined : `${props.label} ${props.target}`}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}
