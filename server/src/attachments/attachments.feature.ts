import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { ConfigError } from '../config/config.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { defineFeature } from '../infra/feature.js';
import { createRateLimit } from '../infra/rate-limit.js';
import { scheduleRepeatingJob } from '../infra/repeating-jobs.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { AttachmentLinks } from './attachment-links.js';
import { createAttachmentSettings } from './attachment-settings.js';
import { attachmentSettingsRoutes } from './attachment-settings.routes.js';
import { attachmentsRoutes } from './attachments.routes.js';
import { createAttachmentsService } from './attachments.service.js';
import { attachmentSocketHandlers } from './attachments.socket.js';
import { createConversationQuota } from './conversation-quota.js';
import type { LinkSigner } from './link-signer.js';
import { createAttachmentRetention } from './retention.js';
import { createUploadCancel } from './upload-cancel.js';
import type { ConfiguredStore } from './store-from-config.js';
import { createUploadTickets } from './upload-tickets.js';

const RETENTION_QUEUE = 'attachment-retention';

/**
 * Photos and files in conversations: prepare and cancel (socket), upload and download
 * (HTTP), admin rules, and the retention job. The message carrying a file goes
 * through the messaging feature's normal path; links are signed by the signer
 * created in features.ts (messages need it to show their files).
 */
export function createAttachmentsFeature(
  context: AppContext,
  deps: {
    signer: LinkSigner;
    links: AttachmentLinks;
    conversations: ConversationsService;
    messages: Pick<MessagesService, 'markAttachmentRemoved'>;
    restAuth: RestAuth;
    audit: AuditService;
    /** Where the bytes live (features.ts: data protection deletes through the same store). */
    files: ConfiguredStore;
  },
) {
  const { config, logger, mongo, queues } = context;
  const { store } = deps.files;
  const settings = createAttachmentSettings(mongo, config);
  const tickets = createUploadTickets(deps.signer);
  const quota = createConversationQuota(context.redis.command, config.REDIS_PREFIX);
  const attachments = createAttachmentsService({
    mongo,
    store,
    settings,
    links: deps.links,
    tickets,
    quota,
    conversations: deps.conversations,
    customerUploads: createRateLimit({
      redis: context.redis.command,
      keyPrefix: `${config.REDIS_PREFIX}:rl:upload`,
      points: config.CUSTOMER_UPLOAD_RATE,
      durationSeconds: 600,
    }),
    logger,
  });
  const retention = createAttachmentRetention({ mongo, messages: deps.messages, store, settings, quota, logger });
  queues.worker(RETENTION_QUEUE, () => retention.run(), { concurrency: 1 });

  const routes = Router();
  routes.use(attachmentsRoutes({ attachments, tickets, links: deps.links, publicUrl: config.PUBLIC_URL }));
  routes.use(attachmentSettingsRoutes({ settings, auth: deps.restAuth, audit: deps.audit }));
  const cancel = createUploadCancel({ mongo, store, quota, conversations: deps.conversations, logger });
  const handlers = attachmentSocketHandlers(attachments, cancel);

  const feature = defineFeature({
    name: 'attachments',
    routes,
    handlers,
    async start() {
      await deps.signer.load();
      try {
        await deps.files.check();
      } catch (error) {
        // A store that cannot work as set (a ConfigError) stops the start; one that is only out of
        // reach for now must not keep chats down: uploads fail (retryable) until it is back.
        if (error instanceof ConfigError) throw error;
        logger.warn(
          { err: error, store: deps.files.describe },
          'the file store does not answer; uploads will fail until it does',
        );
      }
      if (config.PROCESS_ROLE === 'web') return;
      await scheduleRepeatingJob(queues, RETENTION_QUEUE, {
        everyMs: config.ATTACHMENT_RETENTION_SWEEP,
        jobName: 'sweep',
      });
    },
  });
  return {
    feature,
    services: {
      attachments,
      attachmentSettings: settings,
      attachmentRetention: retention,
      attachmentQuota: quota,
      attachmentStore: store,
    },
  };
}
