import type { Locale } from '@switchboard/shared';
import type { HostState } from '../hooks/use-host';

/**
 * The bridge state in plain text, hidden: what the loader's browser test
 * reads to prove a round trip (and support staff can inspect in devtools).
 */
export function FrameState({ locale, open, host }: { locale: Locale; open: boolean; host: HostState }) {
  return (
    <div hidden>
      <span data-testid="locale">{locale}</span>
      <span data-testid="open">{open ? 'open' : 'closed'}</span>
      <span data-testid="site">{host.config?.siteKey ?? '—'}</span>
      <span data-testid="identity">{host.identity ? host.identity.userId : 'anonymous'}</span>
      <span data-testid="prefill">{JSON.stringify(host.prefill)}</span>
    </div>
  );
}
