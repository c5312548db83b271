import { AttachmentUploads, xhrPut, type StagedUpload } from '@switchboard/shared/client';
import { useEffect, useMemo, useState } from 'react';
import { useDeskClient } from '../desk/use-desk.js';

/** One composer's file: staged, uploading or ready, dropped when the composer goes away. */
export function useStagedFile(): { staged: StagedUpload | null; uploads: AttachmentUploads } {
  const client = useDeskClient();
  const [staged, setStaged] = useState<StagedUpload | null>(null);
  const uploads = useMemo(
    () =>
      new AttachmentUploads({
        prepare: (payload) => client.prepareUpload(payload),
        cancel: (payload) => client.cancelUpload(payload),
        put: xhrPut,
        newId: () => crypto.randomUUID(),
        onChange: setStaged,
      }),
    [client],
  );
  useEffect(() => () => uploads.clear(), [uploads]);
  return { staged, uploads };
}
