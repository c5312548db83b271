import type { PublicFileRules } from '@switchboard/shared';
import { useEffect, useState } from 'react';

/**
 * Whether the customer may send files in a chat of this department (the
 * admins can turn customer files off per department). Asked again when the
 * chat moves to another department. Until the answer comes, or when it
 * cannot be had, files are offered: the server still refuses them where they
 * are off, and the widget then says why.
 */
export function useCustomerFiles(departmentId: string | undefined): boolean {
  const [allowed, setAllowed] = useState(true);
  useEffect(() => {
    let live = true;
    const query = departmentId ? `?department=${encodeURIComponent(departmentId)}` : '';
    fetch(`/api/public/file-rules${query}`, { headers: { accept: 'application/json' } })
      .then((response): Promise<Partial<PublicFileRules>> | Partial<PublicFileRules> =>
        response.ok ? response.json() : {},
      )
      .then((rules) => live && setAllowed(rules.customerFiles !== false))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [departmentId]);
  return allowed;
}
