import { useState } from 'react';

/** The agent's photo (PRODUCT: people, not tickets), or their initial when there is none or it fails to load. */
export function Avatar({ name, url, small = false }: { name: string; url?: string | undefined; small?: boolean }) {
  const [failed, setFailed] = useState(false);
  const className = small ? 'sb-avatar sb-avatar-small' : 'sb-avatar';
  if (url && !failed) {
    return <img className={className} src={url} alt="" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
  }
  return (
    <span className={className} aria-hidden="true">
      {(name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}
