import { isTimeZone, type Locale } from '@switchboard/shared';
import { resolveLocale } from '@switchboard/shared/i18n';
import { UnrecoverableError, type Job } from 'bullmq';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { Logger } from '../infra/logger.js';
import { transcriptJobSchema } from '../jobs/job-queues.js';
import type { JobsMetrics } from '../jobs/jobs-metrics.js';
import { SmtpError, type Mailer } from '../mail/mailer.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { AttachmentRef } from '../attachments/attachment-links.js';
import type { RatingLinks } from './rating-links.js';
import { caseThreadId, replyContent, type VisibleMessage } from './reply-content.js';
import { renderReplyEmail } from './reply-email.js';
import { renderTranscriptEmail } from './transcript-email.js';
import type { TranscriptsService } from './transcripts.service.js';

export interface TranscriptWorkerDeps {
  transcripts: TranscriptsService;
  conversations: ConversationsService;
  messages: MessagesService;
  mailer: Mailer;
  ratingLinks: RatingLinks;
  /** Absolute links to files for emails, and until when they work. */
  fileLinks?: { link: (ref: AttachmentRef) => string; until: () => Date };
  /** Reply-To of emails the customer is meant to answer (the support mailbox). */
  replyTo: string;
  /** The department's name in a language, when routing knows it; the topic otherwise. */
  departmentName?: (departmentId: string, locale: Locale) => Promise<string | null>;
  /** The brand's name (widget settings): the sender name customers see, unless MAIL_FROM sets one. */
  brandName?: () => Promise<string | null>;
  /** Times are written in the customer's zone (sent by the widget at start); this one when it is unknown. */
  timeZone: string;
  metrics: JobsMetrics;
  logger: Logger;
}

/**
 * Sends one transcript request. Exactly once per request, as far as SMTP
 * allows: the delivery log entry is the sent marker (checked first, set
 * right after the SMTP server accepts), the BullMQ job id is derived from the
 * request, and the Message-ID is the same on every attempt.
 *
 * The one window left: a worker that dies after the SMTP server accepted
 * the message and before the marker is written. Its job stalls, another
 * worker runs it again and the customer gets a second copy — with the same
 * Message-ID, which mail clients and most providers collapse into one. We
 * accept that (at least once) over the alternative of marking before sending
 * (at most once), which would lose the email when the worker dies mid-send.
 */
export function transcriptProcessor(deps: TranscriptWorkerDeps) {
  const log = deps.transcripts.deliveries;
  const departmentOf = async (conversation: ConversationDocument, locale: Locale): Promise<string> =>
    (conversation.departmentId && deps.departmentName
      ? await deps.departmentName(conversation.departmentId.toHexString(), locale)
      : null) ?? conversation.topic;

  return async (job: Job): Promise<string> => {
    const parsed = transcriptJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid transcript job data');
    const { conversationId, requestId } = parsed.data;
    const entry = await log.entryOf(conversationId, requestId);
    if (!entry) throw new UnrecoverableError('no delivery log entry for this request');
    if (entry.status === 'sent') return 'already sent';
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

    const conversation = await deps.conversations.load(conversationId);
    if (!conversation) {
      await log.abandoned(entry._id);
      throw new UnrecoverableError('the conversation no longer exists');
    }
    const locale = resolveLocale(conversation.language);
    const stored = conversation.prechat?.timeZone;
    // Checked when the widget sent it; checked again since a zone the runtime no longer knows would fail every attempt.
    const timeZone = stored && isTimeZone(stored) ? stored : deps.timeZone;
    const visible = (await deps.messages.visibleTranscript(conversation._id)) as (VisibleMessage & {
      attachment?: AttachmentRef | null;
    })[];
    const fileOf = (attachment: AttachmentRef | null | undefined) =>
      attachment && deps.fileLinks
        ? { file: { name: attachment.name, url: attachment.removed ? null : deps.fileLinks.link(attachment) } }
        : {};
    // Every email of a case names the same thread, so mail clients keep the case together.
    const thread = caseThreadId(conversation._id.toHexString(), deps.mailer.domain);
    const mail =
      entry.trigger === 'offline-reply'
        ? {
            ...renderReplyEmail(replyContent(conversation, visible, requestId, locale, timeZone)),
            // Meant to be answered: the answer goes to the support mailbox, the case number in its subject.
            replyTo: deps.replyTo,
            inReplyTo: thread,
            references: [thread],
          }
        : {
            ...renderTranscriptEmail({
              locale,
              caseNumber: conversation.caseNumber,
              ...(conversation.prechat?.name ? { customerName: conversation.prechat.name } : {}),
              department: await departmentOf(conversation, locale),
              ...(conversation.agentCard?.displayName ? { agentName: conversation.agentCard.displayName } : {}),
              startedAt: (conversation as { createdAt?: Date }).createdAt ?? conversation.queuedAt,
              messages: visible.map((message) => ({
                author: { kind: message.author?.kind ?? 'system', displayName: message.author?.displayName ?? null },
                body: message.body,
                createdAt: message.createdAt,
                ...fileOf(message.attachment),
              })),
              ...(deps.fileLinks ? { fileLinksUntil: deps.fileLinks.until() } : {}),
              // Nobody answered this chat: there is nothing to rate, so no link asks for it.
              ratingUrl: conversation.firstAgentReplyAt ? await deps.ratingLinks.linkFor(conversation._id) : null,
              timeZone,
            }),
            references: [thread],
          };

    try {
      await deps.mailer.send({
        to: entry.to,
        ...mail,
        messageId: entry.messageId,
        language: locale,
        fromName: (await deps.brandName?.()) ?? null,
        headers: { 'X-Switchboard-Case': conversation.caseNumber },
      });
    } catch (error) {
      if (!(error instanceof SmtpError)) throw error;
      const gaveUp = error.permanent || finalAttempt;
      await log.refused(entry._id, error.message, gaveUp);
      deps.metrics.transcripts.inc({ outcome: gaveUp ? 'failed' : 'retry' });
      deps.logger.warn({ conversationId, requestId, err: error.message, gaveUp }, 'transcript email refused');
      // A 5xx answer will not change on retry: fail now rather than after every backoff.
      if (error.permanent) throw new UnrecoverableError(error.message);
      throw error;
    }
    // The crash window described above is here, between the accept and this write.
    await log.sent(entry._id);
    deps.metrics.transcripts.inc({ outcome: 'sent' });
    return 'sent';
  };
}
