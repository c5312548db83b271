import type { AgentView, DeskSettings } from '@switchboard/shared';
import type { Ref } from 'react';
import { useDeskState } from '../desk/use-desk.js';
import { useNow } from '../desk/use-now.js';
import { t } from '../i18n/index.js';
import { InboxItem } from './InboxItem.js';
import { QueuePanel } from './QueuePanel.js';
import { slaFor } from './sla.js';

interface Props {
  agent: AgentView;
  activeId: string | undefined;
  /** When the wait timers turn amber and red (per department where one has its own). */
  settings: DeskSettings;
  onOpen: (conversationId: string) => void;
  /** The heading, which the desk focuses when it opens. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The agent's chats, in assignment order, each with who waits on whom and for how long. */
export function Inbox({ agent, activeId, settings, onOpen, headingRef }: Props) {
  const state = useDeskState();
  const now = useNow(1_000);
  return (
    <nav className="inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" className="panel-heading" ref={headingRef} tabIndex={-1}>
        {t('inbox.heading')} <span className="count">{state.order.length}</span>
      </h2>
      {agent.status !== 'online' && (
        <p className="inbox__hint">{t('inbox.offline', { status: t(`status.${agent.status}`).toLowerCase() })}</p>
      )}
      {state.order.length === 0 ? (
        <p className="empty-state empty-state--small">{t('inbox.empty')}</p>
      ) : (
        <ul className="inbox__list">
          {state.order.map((id) => {
            const chat = state.chats[id];
            return chat ? (
              <InboxItem
                key={id}
                chat={chat}
                agentId={agent.id}
                active={id === activeId}
                now={now}
                sla={slaFor(settings, chat.view.departmentId)}
                onOpen={onOpen}
              />
            ) : null;
          })}
        </ul>
      )}
      <QueuePanel now={now} onPicked={onOpen} />
    </nav>
  );
}
