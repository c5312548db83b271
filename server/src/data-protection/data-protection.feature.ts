import type { AppContext } from '../app-context.js';
import type { AttachmentQueries } from '../attachments/attachment-queries.js';
import type { FileStore } from '../attachments/file-store.js';
import { SYSTEM_ACTOR, type AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { BlockQueries } from '../blocks/block-queries.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { Feature } from '../infra/feature.js';
import { scheduleRepeatingJob } from '../infra/repeating-jobs.js';
import { outboxDir } from '../mail/mailer.js';
import type { MessagesService } from '../messages/messages.service.js';
import type { RatingLinks } from '../transcripts/rating-links.js';
import type { TranscriptsService } from '../transcripts/transcripts.service.js';
import type { WebhookDeliveryQueries } from '../webhooks/webhook-delivery-queries.js';
import { createConversationFiles, type ExportLink } from './conversation-files.js';
import { createConversationScrub } from './conversation-scrub.js';
import { createCustomerData } from './customer-data.js';
import { dataProtectionRoutes } from './data-protection.routes.js';
import { createRetention } from './retention.js';

const RETENTION_QUEUE = 'retention';

/**
 * Data protection: export and erase one customer, and the retention policy
 * (RETENTION_DAYS, RETENTION_ACTION) run by a repeatable BullMQ job, one run
 * per period for the whole deployment.
 */
export function createDataProtectionFeature(
  context: AppContext,
  deps: {
    restAuth: RestAuth;
    audit: AuditService;
    /** The owners of what a customer's data is spread over: each deletes and reads its own. */
    customers: CustomersService;
    conversations: ConversationsService;
    messages: MessagesService;
    transcripts: TranscriptsService;
    ratingLinks: RatingLinks;
    attachments: AttachmentQueries;
    blocks: BlockQueries;
    webhooks: WebhookDeliveryQueries;
    forgetQueuedJobs: (customerId: string) => Promise<number>;
    /** Signed links to files' bytes for exports, working for DATA_EXPORT_LINK_TTL. */
    exportLink: ExportLink;
    /** The attachments' store: an erased customer's files are deleted from it. */
    store: FileStore;
  },
) {
  const { config, logger, queues } = context;
  const files = createConversationFiles({
    attachments: deps.attachments,
    store: deps.store,
    link: deps.exportLink,
  });
  const scrub = createConversationScrub({
    ratingLinks: deps.ratingLinks,
    conversations: deps.conversations,
    messages: deps.messages,
    transcripts: deps.transcripts,
    webhooks: deps.webhooks,
    redis: context.redis.command,
    prefix: config.REDIS_PREFIX,
    outbox: config.SMTP_URL ? null : outboxDir(config),
    files,
  });
  const customers = createCustomerData({
    customers: deps.customers,
    conversations: deps.conversations,
    messages: deps.messages,
    transcripts: deps.transcripts,
    blocks: deps.blocks,
    webhooks: deps.webhooks,
    scrub,
    files,
    forgetQueuedJobs: deps.forgetQueuedJobs,
  });
  const retention = createRetention({
    conversations: deps.conversations,
    scrub,
    days: config.RETENTION_DAYS,
    action: config.RETENTION_ACTION,
  });

  queues.worker(
    RETENTION_QUEUE,
    async () => {
      const report = await retention.run({ dryRun: false });
      if (report.changed === 0) return report;
      logger.info({ changed: report.changed, action: report.action }, 'retention policy applied');
      await deps.audit.record({
        actor: SYSTEM_ACTOR,
        action: 'retention.run',
        target: { kind: 'retention', id: 'policy' },
        details: { days: report.days, action: report.action, changed: report.changed },
      });
      return report;
    },
    { concurrency: 1 },
  );

  const feature: Feature = {
    name: 'data-protection',
    routes: dataProtectionRoutes({ auth: deps.restAuth, customers, retention, audit: deps.audit }),
    async start() {
      if (config.PROCESS_ROLE === 'web') return;
      // One schedule per deployment; a deployment that drops its policy drops the schedule too.
      if (config.RETENTION_DAYS === undefined) {
        await queues.queue(RETENTION_QUEUE).removeJobScheduler(RETENTION_QUEUE);
      } else {
        await scheduleRepeatingJob(queues, RETENTION_QUEUE, {
          everyMs: config.RETENTION_INTERVAL,
          jobName: 'retention',
        });
      }
    },
  };
  return { feature, services: { dataProtection: { customers, retention } } };
}
