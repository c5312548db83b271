import { API_TOKEN_SCOPES, type ApiTokenCreated, type ApiTokenScope, type ApiTokenView } from '@switchboard/shared';
import { useCallback, useState } from 'react';
import { api } from '../../api/rest.js';
import { formatDate, t, UI_LOCALE } from '../../i18n/console.js';
import { AdminForm, FormFooter } from './AdminForm.js';
import { AdminTable, RowButton } from './AdminTable.js';
import { AdminToolbar } from './AdminToolbar.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { FormErrorView } from './FormErrorView.js';
import { TextField } from './FormFields.js';
import { useAdminList } from './use-admin-list.js';

interface TokenDraft {
  name: string;
  scopes: ApiTokenScope[];
  expiresInDays: string;
}

function statusOf(token: ApiTokenView): string {
  if (token.revokedAt) return t('tokens.revoked', { at: formatDate(token.revokedAt) });
  if (Date.parse(token.expiresAt) <= Date.now()) return t('tokens.expired', { at: formatDate(token.expiresAt) });
  return t('tokens.expires', { at: formatDate(token.expiresAt) });
}

/** API tokens for other servers (admins only): scopes, expiry, shown once, revocable. */
export function ApiTokensAdmin() {
  const fetchTokens = useCallback(
    async () => (await api.get<{ tokens: ApiTokenView[] }>('/api/api-tokens')).tokens,
    [],
  );
  const list = useAdminList<ApiTokenView, TokenDraft>(fetchTokens);
  const { draft, request } = list;
  const [created, setCreated] = useState<ApiTokenCreated | undefined>();

  const save = () => {
    if (!draft) return;
    void list.saveDraft(async () => {
      const answer = await api.post<ApiTokenCreated>('/api/api-tokens', {
        name: draft.name.trim(),
        scopes: draft.scopes,
        expiresInDays: Number(draft.expiresInDays),
      });
      setCreated(answer);
      return answer;
    });
  };

  return (
    <div className="admin__pane" lang={UI_LOCALE}>
      <p className="muted">{t('tokens.explain')}</p>
      <AdminToolbar
        canEdit
        onNew={() => list.openDraft({ name: '', scopes: ['reports:read'], expiresInDays: '90' })}
        notice={list.notice}
      />
      {created && (
        <div className="admin__form admin__secret" role="alert">
          <p className="field-label">{t('tokens.secretTitle')}</p>
          <code className="admin__secret-value">{created.secret}</code>
          <button type="button" className="button button--primary" onClick={() => setCreated(undefined)}>
            {t('webhooks.secretDone')}
          </button>
        </div>
      )}
      {!draft && <FormErrorView error={request.error} />}
      {draft && (
        <AdminForm className="admin__form admin__grid" onSubmit={save}>
          <TextField
            label={t('tokens.name')}
            id="token-name"
            value={draft.name}
            onChange={(name) => list.setDraft({ ...draft, name })}
          />
          <TextField
            label={t('tokens.expiresInDays')}
            id="token-expiry"
            type="number"
            value={draft.expiresInDays}
            onChange={(expiresInDays) => list.setDraft({ ...draft, expiresInDays })}
          />
          <CheckboxGroup
            legend={t('tokens.scopes')}
            options={API_TOKEN_SCOPES.map((scope) => ({ value: scope, label: scope }))}
            selected={draft.scopes}
            onChange={(scopes) => list.setDraft({ ...draft, scopes: scopes as ApiTokenScope[] })}
          />
          <FormFooter error={request.error} busy={request.busy} onCancel={() => list.setDraft(undefined)} />
        </AdminForm>
      )}
      <div className="admin__scroll">
        <AdminTable
          items={list.items}
          emptyText={t('tokens.empty')}
          headings={[t('tokens.name'), t('tokens.scopes'), t('tokens.status'), t('tokens.lastUsed')]}
          rowClassName={(token) => (token.revokedAt ? 'row--closed' : undefined)}
          cells={(token) => (
            <>
              <th scope="row">
                {token.name}
                <div className="muted">
                  <code>{token.prefix}…</code>
                </div>
              </th>
              <td>{token.scopes.join(', ')}</td>
              <td>{statusOf(token)}</td>
              <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : t('tokens.never')}</td>
            </>
          )}
          actions={(token) =>
            token.revokedAt ? null : (
              <RowButton
                label={t('tokens.revoke')}
                target={token.name}
                danger
                onClick={() => {
                  if (!window.confirm(t('tokens.revokeConfirm', { name: token.name }))) return;
                  void list.runAction(async () => {
                    await api.delete(`/api/api-tokens/${token.id}`);
                    return true;
                  }, t('tokens.revokedNotice'));
                }}
              />
            )
          }
        />
      </div>
    </div>
  );
}
