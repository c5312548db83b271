import type { VisitorBlockView } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/rest.js';
import { formatDate, t } from '../../i18n/console.js';
import { useAdminRequest } from '../admin/admin-request.js';
import { FormErrorView } from '../admin/FormErrorView.js';
import '../admin/admin.css';
import { ConsoleSection } from '../ConsoleSection.js';

/** The visitors and addresses agents blocked, newest first; lifting one lets them chat again at once (audited). */
export function BlocksSection() {
  const [blocks, setBlocks] = useState<VisitorBlockView[] | null>(null);
  const request = useAdminRequest();
  const { run } = request;

  const load = useCallback(async () => {
    const answer = await run(() => api.get<{ blocks: VisitorBlockView[] }>('/api/blocks'));
    if (answer) setBlocks(answer.blocks);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  const lift = async (block: VisitorBlockView) => {
    const answer = await request.run(() => api.delete<{ block: VisitorBlockView }>(`/api/blocks/${block.id}`));
    if (answer) setBlocks((current) => (current ?? []).filter((each) => each.id !== block.id));
  };

  return (
    <ConsoleSection name="blocks" heading={t('blocks.heading')}>
      <p className="muted">{t('blocks.explain')}</p>
      <FormErrorView error={request.error} />
      {blocks === null ? null : blocks.length === 0 ? (
        <p className="empty-state">{t('blocks.empty')}</p>
      ) : (
        <table className="board__table admin__table">
          <thead>
            <tr>
              <th scope="col">{t('blocks.who')}</th>
              <th scope="col">{t('blocks.reason')}</th>
              <th scope="col">{t('blocks.by')}</th>
              <th scope="col">{t('blocks.since')}</th>
              <th scope="col">{t('blocks.until')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('blocks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {blocks.map((block) => (
              <tr key={block.id}>
                <th scope="row">
                  {block.kind === 'address' ? (
                    <>
                      {t('blocks.address')} <code>{block.address}</code>
                    </>
                  ) : (
                    (block.customerName ?? t('inbox.anonymous'))
                  )}
                  {block.caseNumber && <span className="tag">{block.caseNumber}</span>}
                </th>
                <td>{block.reason}</td>
                <td>{block.by.name}</td>
                <td>{formatDate(block.createdAt)}</td>
                <td>{block.expiresAt ? formatDate(block.expiresAt) : t('blocks.forGood')}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={request.busy}
                    onClick={() => void lift(block)}
                    aria-label={t('blocks.liftFor', {
                      who:
                        block.kind === 'address' ? (block.address ?? '') : (block.customerName ?? t('inbox.anonymous')),
                    })}
                  >
                    {t('blocks.lift')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsoleSection>
  );
}
