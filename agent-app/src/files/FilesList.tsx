import type { MessageView } from '@switchboard/shared';
import { formatDate, t } from '../i18n/index.js';
import { formatSize } from './file-size.js';
import { useConversationFiles } from './use-conversation-files.js';
import './attachments.css';

/** Every file of the conversation, newest first, one click to open. */
export function FilesList({ conversationId, messages }: { conversationId: string; messages: readonly MessageView[] }) {
  const files = useConversationFiles(conversationId, messages);
  return (
    <section className="files-list" aria-labelledby="files-heading">
      <h3 id="files-heading" className="subheading">
        {t('files.heading')}
      </h3>
      {files.length === 0 ? (
        <p className="muted">{t('files.none')}</p>
      ) : (
        <ul>
          {files.map(({ id, attachment, author, createdAt, internal }) =>
            attachment ? (
              <li key={id}>
                {attachment.url && !attachment.removed ? (
                  <a href={attachment.url} target="_blank" rel="noopener noreferrer">
                    {attachment.name}
                  </a>
                ) : (
                  <span className="muted">
                    {attachment.name} ({t('files.removed')})
                  </span>
                )}{' '}
                <span className="muted">
                  {formatSize(attachment.size)} ·{' '}
                  {author.kind === 'customer' ? t('files.fromCustomer') : author.displayName}
                  {internal ? ` · ${t('chat.note')}` : ''} · {formatDate(createdAt)}
                </span>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </section>
  );
}
