import { SUPPORTED_LOCALES, type Locale } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/rest.js';
import { languageName, t } from '../../i18n/index.js';
import { useAdminRequest } from './admin-request.js';
import { FormErrorView } from './FormErrorView.js';
import type { KnowledgeKind } from './knowledge-kinds.js';

/** An entry as the admin routes answer it: its key field, variants with all their fields. */
interface Entry {
  id: string;
  shortcut?: string;
  slug?: string;
  archived: boolean;
  variants: ({ locale: Locale } & Record<string, string | string[]>)[];
}

interface Draft {
  id?: string;
  key: string;
  variants: ({ locale: Locale } & Record<string, string>)[];
}

function toDraft(kind: KnowledgeKind, entry?: Entry): Draft {
  if (!entry) return { key: '', variants: [{ locale: 'en', ...blankFields(kind) }] };
  return {
    id: entry.id,
    key: entry[kind.keyField] ?? '',
    variants: entry.variants.map((variant) => {
      const fields = Object.fromEntries(
        kind.fields.map((field) => {
          const value = variant[field.name];
          return [field.name, Array.isArray(value) ? value.join(', ') : (value ?? '')];
        }),
      );
      return { ...fields, locale: variant.locale };
    }),
  };
}

const blankFields = (kind: KnowledgeKind) => Object.fromEntries(kind.fields.map((field) => [field.name, '']));

function toBody(kind: KnowledgeKind, draft: Draft) {
  return {
    [kind.keyField]: draft.key.trim(),
    variants: draft.variants.map((variant) => ({
      locale: variant.locale,
      ...Object.fromEntries(
        kind.fields.map((field) => {
          const value = variant[field.name] ?? '';
          return [
            field.name,
            field.list
              ? value
                  .split(',')
                  .map((word) => word.trim())
                  .filter(Boolean)
              : value,
          ];
        }),
      ),
    })),
  };
}

/** S4: canned responses or articles, each with a variant per language; changes reach the desk at once. */
export function KnowledgeAdmin({ kind }: { kind: KnowledgeKind }) {
  const [entries, setEntries] = useState<Entry[] | undefined>();
  const [showArchived, setShowArchived] = useState(false);
  const [draft, setDraft] = useState<Draft | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const request = useAdminRequest();

  const reload = useCallback(async () => {
    const answer = await api.get<Record<string, Entry[]>>(
      `/api/knowledge/admin/${kind.path}${showArchived ? '?archived=true' : ''}`,
    );
    setEntries(answer[kind.listKey] ?? []);
  }, [kind, showArchived]);

  useEffect(() => {
    void request
      .run(async () => {
        await reload();
        return true;
      })
      .then((done) => {
        if (done === undefined) setEntries([]);
      });
  }, [reload]);

  const save = async () => {
    if (!draft) return;
    const body = toBody(kind, draft);
    const saved = await request.run(() =>
      draft.id
        ? api.patch(`/api/knowledge/${kind.path}/${draft.id}`, body)
        : api.post(`/api/knowledge/${kind.path}`, body),
    );
    if (saved === undefined) return;
    setDraft(undefined);
    setNotice(t('admin.saved'));
    await reload();
  };

  const setArchived = async (entry: Entry, archived: boolean) => {
    const done = await request.run(() =>
      archived
        ? api.delete(`/api/knowledge/${kind.path}/${entry.id}`)
        : api.patch(`/api/knowledge/${kind.path}/${entry.id}`, { archived: false }),
    );
    if (done !== undefined) await reload();
  };

  return (
    <div className="admin__pane">
      <div className="admin__toolbar">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            request.clear();
            setNotice(undefined);
            setDraft(toDraft(kind));
          }}
        >
          {t('admin.new')}
        </button>
        <label className="admin__check">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => {
              setShowArchived(event.target.checked);
            }}
          />
          {t('admin.showArchived')}
        </label>
        <span role="status" className="admin__notice">
          {notice}
        </span>
      </div>
      {!draft && <FormErrorView error={request.error} />}
      {draft && (
        <VariantEditor
          kind={kind}
          draft={draft}
          onChange={setDraft}
          busy={request.busy}
          onSave={() => void save()}
          onCancel={() => {
            setDraft(undefined);
            request.clear();
          }}
          error={<FormErrorView error={request.error} />}
        />
      )}
      {entries === undefined ? (
        <p className="empty-state">{t('admin.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty-state">{t('admin.empty')}</p>
      ) : (
        <table className="board__table admin__table">
          <thead>
            <tr>
              <th scope="col">{t(kind.keyLabel)}</th>
              <th scope="col">{t('admin.canned.title')}</th>
              <th scope="col">{t('admin.languages')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className={entry.archived ? 'row--closed' : undefined}>
                <th scope="row">
                  <code>
                    {kind.id === 'canned' ? '/' : ''}
                    {entry[kind.keyField]}
                  </code>
                  {entry.archived && <span className="tag">{t('admin.archived')}</span>}
                </th>
                <td>
                  {String(entry.variants.find((v) => v.locale === 'en')?.title ?? entry.variants[0]?.title ?? '')}
                </td>
                <td>{entry.variants.map((v) => v.locale).join(', ')}</td>
                <td className="admin__row-actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${t('admin.edit')} ${entry[kind.keyField] ?? ''}`}
                    onClick={() => {
                      request.clear();
                      setNotice(undefined);
                      setDraft(toDraft(kind, entry));
                    }}
                  >
                    {t('admin.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${t(entry.archived ? 'admin.restore' : 'admin.archive')} ${entry[kind.keyField] ?? ''}`}
                    onClick={() => void setArchived(entry, !entry.archived)}
                  >
                    {t(entry.archived ? 'admin.restore' : 'admin.archive')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function VariantEditor(props: {
  kind: KnowledgeKind;
  draft: Draft;
  onChange: (draft: Draft) => void;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
  error: React.ReactNode;
}) {
  const { kind, draft, onChange } = props;
  const missing = SUPPORTED_LOCALES.filter((locale) => !draft.variants.some((v) => v.locale === locale));
  const setVariant = (index: number, field: string, value: string) => {
    onChange({
      ...draft,
      variants: draft.variants.map((variant, i) => (i === index ? { ...variant, [field]: value } : variant)),
    });
  };
  return (
    <form
      className="admin__form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
    >
      <label className="field-label" htmlFor={`${kind.id}-key`}>
        {t(kind.keyLabel)}
      </label>
      <input
        id={`${kind.id}-key`}
        className="field admin__key"
        value={draft.key}
        required
        onChange={(event) => {
          onChange({ ...draft, key: event.target.value });
        }}
      />
      {draft.variants.map((variant, index) => (
        <fieldset key={variant.locale} className="admin__variant">
          <legend>{t('admin.variant', { language: languageName(variant.locale) })}</legend>
          {kind.fields.map((field) => {
            const id = `${kind.id}-${variant.locale}-${field.name}`;
            return (
              <div key={field.name}>
                <label className="field-label" htmlFor={id}>
                  {t(field.label)}
                </label>
                {field.multiline ? (
                  <textarea
                    id={id}
                    className="field"
                    rows={3}
                    value={variant[field.name] ?? ''}
                    onChange={(event) => {
                      setVariant(index, field.name, event.target.value);
                    }}
                  />
                ) : (
                  <input
                    id={id}
                    className="field"
                    type={field.type ?? 'text'}
                    value={variant[field.name] ?? ''}
                    onChange={(event) => {
                      setVariant(index, field.name, event.target.value);
                    }}
                  />
                )}
              </div>
            );
          })}
          {draft.variants.length > 1 && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                onChange({ ...draft, variants: draft.variants.filter((_, i) => i !== index) });
              }}
            >
              {t('admin.removeLanguage', { language: languageName(variant.locale) })}
            </button>
          )}
        </fieldset>
      ))}
      {missing.length > 0 && (
        <div className="admin__add-language">
          <label className="field-label" htmlFor={`${kind.id}-add-language`}>
            {t('admin.addLanguage')}
          </label>
          <select
            id={`${kind.id}-add-language`}
            className="field"
            value=""
            onChange={(event) => {
              const locale = SUPPORTED_LOCALES.find((each) => each === event.target.value);
              if (locale) onChange({ ...draft, variants: [...draft.variants, { locale, ...blankFields(kind) }] });
            }}
          >
            <option value="">…</option>
            {missing.map((locale) => (
              <option key={locale} value={locale}>
                {languageName(locale)}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.error}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={props.busy}>
          {props.busy ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
    </form>
  );
}
