import { useCallback, useState } from 'react';
import { api } from '../../api/rest.js';
import { t } from '../../i18n/console.js';
import { AdminTable, RowButton } from './AdminTable.js';
import { AdminToolbar, ShowArchivedToggle } from './AdminToolbar.js';
import { FormErrorView } from './FormErrorView.js';
import { toKnowledgeBody, toKnowledgeDraft, type KnowledgeDraft, type KnowledgeEntry } from './knowledge-draft.js';
import type { KnowledgeKind } from './knowledge-kinds.js';
import { useAdminList } from './use-admin-list.js';
import { VariantEditor } from './VariantEditor.js';

/** Admin of canned responses or KB articles, each with a variant per language; changes reach the desk at once. */
export function KnowledgeAdmin({ kind }: { kind: KnowledgeKind }) {
  const [showArchived, setShowArchived] = useState(false);
  const fetchEntries = useCallback(async () => {
    const answer = await api.get<Record<string, KnowledgeEntry[]>>(
      `/api/knowledge/admin/${kind.path}${showArchived ? '?archived=true' : ''}`,
    );
    return answer[kind.listKey] ?? [];
  }, [kind, showArchived]);
  const list = useAdminList<KnowledgeEntry, KnowledgeDraft>(fetchEntries);
  const { draft, request } = list;
  const keyOf = (entry: KnowledgeEntry) => entry[kind.keyField] ?? '';

  // Opening the editor also clears "Saved": the notice is about the last save only.
  const openDraft = (entry?: KnowledgeEntry) => {
    list.setNotice(undefined);
    list.openDraft(toKnowledgeDraft(kind, entry));
  };

  const save = () => {
    if (!draft) return;
    const body = toKnowledgeBody(kind, draft);
    void list.saveDraft(() =>
      draft.id
        ? api.patch(`/api/knowledge/${kind.path}/${draft.id}`, body)
        : api.post(`/api/knowledge/${kind.path}`, body),
    );
  };

  const setArchived = (entry: KnowledgeEntry, archived: boolean) =>
    list.runAction(() =>
      archived
        ? api.delete(`/api/knowledge/${kind.path}/${entry.id}`)
        : api.patch(`/api/knowledge/${kind.path}/${entry.id}`, { archived: false }),
    );

  return (
    <div className="admin__pane">
      {/* Supervisors keep these lists too, so there is no read-only view. */}
      <AdminToolbar canEdit onNew={() => openDraft()} notice={list.notice}>
        <ShowArchivedToggle checked={showArchived} onChange={setShowArchived} />
      </AdminToolbar>
      {!draft && <FormErrorView error={request.error} />}
      {draft && (
        <VariantEditor
          kind={kind}
          draft={draft}
          onChange={list.setDraft}
          busy={request.busy}
          onSave={save}
          onCancel={() => list.openDraft(undefined)}
          error={request.error}
        />
      )}
      <AdminTable
        items={list.items}
        headings={[t(kind.keyLabel), t('admin.canned.title'), t('admin.languages')]}
        emptyText={t('admin.empty')}
        rowClassName={(entry) => (entry.archived ? 'row--closed' : undefined)}
        cells={(entry) => (
          <>
            <th scope="row">
              <code>
                {kind.id === 'canned' ? '/' : ''}
                {entry[kind.keyField]}
              </code>
              {entry.archived && <span className="tag">{t('admin.archived')}</span>}
            </th>
            <td>{String(entry.variants.find((v) => v.locale === 'en')?.title ?? entry.variants[0]?.title ?? '')}</td>
            <td>{entry.variants.map((v) => v.locale).join(', ')}</td>
          </>
        )}
        actions={(entry) => (
          <>
            <RowButton label={t('admin.edit')} target={keyOf(entry)} onClick={() => openDraft(entry)} />
            <RowButton
              label={t(entry.archived ? 'admin.restore' : 'admin.archive')}
              target={keyOf(entry)}
              onClick={() => void setArchived(entry, !entry.archived)}
            />
          </>
        )}
      />
    </div>
  );
}
