import { useCallback, useEffect, useState } from 'react';
import { t } from '../../i18n/console.js';
import { useAdminRequest } from './admin-request.js';

/**
 * What every admin tab keeps: the list (undefined while it first loads, empty
 * if that failed, so the error shows instead of "Loading…" forever), the draft
 * open in the form, the last notice and one request at a time.
 * `fetchItems` must be memoised: the list loads again whenever it changes
 * (a "show archived" switch, another knowledge kind).
 */
export function useAdminList<Item, Draft>(fetchItems: () => Promise<Item[]>) {
  const [items, setItems] = useState<Item[] | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const request = useAdminRequest();
  const { run } = request;

  const reload = useCallback(async () => {
    setItems(await fetchItems());
  }, [fetchItems]);
  useEffect(() => {
    void run(async () => {
      await reload();
      return true;
    }).then((done) => {
      if (done === undefined) setItems([]);
    });
  }, [reload, run]);

  /** Opens (or, with undefined, closes) the form, dropping the last call's error. */
  const openDraft = (next: Draft | undefined) => {
    request.clear();
    setDraft(next);
  };

  /** Sends the draft; when the server takes it the form closes, the notice says so and the list reloads. */
  const saveDraft = async (work: () => Promise<unknown>) => {
    const done = await request.run(work);
    if (done === undefined) return;
    setDraft(undefined);
    setNotice(t('admin.saved'));
    await reload();
  };

  /** A row action (archive, restore, deactivate): when it succeeds, an optional notice and a fresh list. */
  const runAction = async (work: () => Promise<unknown>, message?: string) => {
    const done = await request.run(work);
    if (done === undefined) return;
    if (message !== undefined) setNotice(message);
    await reload();
  };

  return { items, draft, setDraft, openDraft, saveDraft, runAction, notice, setNotice, request };
}
