import type { ChatState } from '../desk/desk-state.js';
import { FilesList } from '../files/FilesList.js';
import { languageName, t, topicLabel } from '../i18n/index.js';
import { describeBrowser } from './browser-name.js';
import { PreviousConversations } from './PreviousConversations.js';
import { Satisfaction } from './Satisfaction.js';
import { TranscriptLog } from './TranscriptLog.js';

/** Who the agent is talking to, where they came from, what they were sent and how they rated us. */
export function CustomerPanel({ chat }: { chat: ChatState }) {
  const { view } = chat;
  const { customer } = view;
  const unknown = <span className="muted">{t('customer.unknown')}</span>;
  return (
    <section className="panel" aria-labelledby="customer-heading">
      <h2 id="customer-heading" className="panel-heading">
        {t('customer.heading')}
      </h2>
      <div className="customer__identity">
        <span className="customer__name">{customer.name ?? t('inbox.anonymous')}</span>
        <span
          className={`badge ${customer.verified ? 'badge--verified' : 'badge--anonymous'}`}
          title={customer.verified ? t('customer.verifiedHint') : t('customer.anonymousHint')}
        >
          {customer.verified ? `✓ ${t('customer.verified')}` : t('customer.anonymous')}
        </span>
      </div>
      <dl className="facts">
        <dt>{t('customer.email')}</dt>
        <dd>
          {customer.email ? (
            <>
              <a href={`mailto:${customer.email}`}>{customer.email}</a>{' '}
              {/* The host signs only the user id: a verified account's email is as unproven as anyone's. */}
              <span className="muted" title={t('customer.contactUnverifiedHint')}>
                ({t('customer.contactUnverified')})
              </span>
            </>
          ) : (
            unknown
          )}
        </dd>
        <dt>{t('customer.case')}</dt>
        <dd className="mono">{view.caseNumber}</dd>
        <dt>{t('customer.topic')}</dt>
        <dd>{topicLabel(view.topic)}</dd>
        <dt>{t('customer.language')}</dt>
        <dd>{languageName(view.language)}</dd>
        <dt>{t('customer.region')}</dt>
        <dd>{view.region ?? unknown}</dd>
        <dt>{t('customer.page')}</dt>
        <dd className="facts__url">
          {view.pageUrl ? (
            <a href={view.pageUrl} target="_blank" rel="noopener noreferrer" title={view.pageUrl}>
              {view.pageUrl.replace(/^https?:\/\//, '')}
            </a>
          ) : (
            unknown
          )}
        </dd>
        <dt>{t('customer.browser')}</dt>
        <dd title={view.userAgent}>{view.userAgent ? describeBrowser(view.userAgent) : unknown}</dd>
      </dl>
      <FilesList conversationId={view.id} messages={chat.messages} />
      <Satisfaction conversationId={view.id} closed={view.status === 'closed'} />
      <TranscriptLog conversationId={view.id} email={customer.email} />
      <PreviousConversations customerId={customer.id} currentId={view.id} />
    </section>
  );
}
