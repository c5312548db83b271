import { t } from '../../i18n/console.js';
import type { ConsoleSectionProps } from '../sections.js';
import { useSupervisorClient, useSupervisorState } from '../use-supervisor.js';
import { ObservedChatView } from './ObservedChatView.js';

/** S3: the chats the supervisor is watching, one tab each. */
export function ObserveSection({ agent }: ConsoleSectionProps) {
  const client = useSupervisorClient();
  const { observed, focused } = useSupervisorState();
  const ids = Object.keys(observed);
  const current = focused !== undefined && observed[focused] ? focused : ids[0];
  const chat = current === undefined ? undefined : observed[current];
  if (!chat || current === undefined) return <p className="empty-state">{t('observe.none')}</p>;
  return (
    <section className="observe" aria-labelledby="observe-heading">
      <h2 id="observe-heading" className="visually-hidden">
        {t('observe.heading')}
      </h2>
      {ids.length > 1 && (
        <div className="observe__tabs" role="tablist" aria-label={t('observe.tabs')}>
          {ids.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={id === current}
              className="console__tab"
              onClick={() => {
                client.focus(id);
              }}
            >
              {observed[id]?.conversation.caseNumber}
            </button>
          ))}
        </div>
      )}
      <ObservedChatView key={current} chat={chat} me={agent.id} />
    </section>
  );
}
