import type { CannedResponseView } from '@switchboard/shared';
import { t } from '../i18n/index.js';

interface Props {
  query: string;
  matches: readonly CannedResponseView[];
  selected: number;
  onPick: (response: CannedResponseView) => void;
  /** The text as it would be inserted for this customer: the agent sees what the customer will read. */
  preview: (response: CannedResponseView) => string;
}

/** The `/shortcut` list above the composer; the textarea keeps focus and drives it with the arrow keys. */
export function CannedPicker({ query, matches, selected, onPick, preview }: Props) {
  return (
    <div className="canned" role="dialog" aria-label={t('canned.heading')}>
      <p className="canned__hint">{t('canned.hint')}</p>
      {matches.length === 0 ? (
        <p className="canned__empty">{t('canned.empty', { query })}</p>
      ) : (
        <ul className="canned__list" role="listbox" id="canned-listbox" aria-label={t('canned.heading')}>
          {matches.map((response, index) => (
            <li
              key={response.id}
              id={`canned-${response.id}`}
              role="option"
              aria-selected={index === selected}
              className={`canned__item${index === selected ? ' canned__item--selected' : ''}`}
              onMouseDown={(event) => {
                // Keep the textarea's focus and caret.
                event.preventDefault();
                onPick(response);
              }}
            >
              <span className="canned__shortcut">/{response.shortcut}</span>
              <span className="canned__title">{response.title}</span>
              <span className="canned__body">{preview(response)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
