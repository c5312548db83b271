import type { Locale } from '@switchboard/shared';
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { MessagingServices } from '../conversations/messaging.feature.js';
import { defineFeature } from '../infra/feature.js';
import { createRateLimit } from '../infra/rate-limit.js';
import { scheduleRepeatingJob } from '../infra/repeating-jobs.js';
import { createMailer, mailDomain, senderOf } from '../mail/mailer.js';
import { createRatingLinks } from '../transcripts/rating-links.js';
import { transcriptSocketHandlers } from '../transcripts/transcript.socket.js';
import { transcriptProcessor, type TranscriptWorkerDeps } from '../transcripts/transcript.worker.js';
import { transcriptsRoutes } from '../transcripts/transcripts.routes.js';
import { createTranscriptsService } from '../transcripts/transcripts.service.js';
import { createIdleFlags } from './idle-flags.js';
import { createThresholds, deploymentThresholds, type DepartmentIdleSettingsLookup } from './idle-thresholds.js';
import { createIdleRearm, touchesIdleThresholds } from './idle-rearm.js';
import { createIdleTimers } from './idle-timers.js';
import { idleProcessor } from './idle.worker.js';
import { QUEUES } from './job-queues.js';
import { createJobsMetrics } from './jobs-metrics.js';
import { jobsRoutes } from './jobs.routes.js';
import { queuesDashboard } from './queues-dashboard.js';

export interface JobsDeps extends Pick<
  MessagingServices,
  'conversations' | 'customers' | 'messages' | 'hooks' | 'broadcast'
> {
  restAuth: RestAuth;
  /** Per-department idle thresholds (routing's department model); absent: the deployment's for all. */
  departmentIdleSettings?: DepartmentIdleSettingsLookup;
  /** Puts a conversation back in its queue (routing); absent: auto-requeue is off. */
  requeue?: (conversation: ConversationDocument) => Promise<void>;
  /** A department's name in a language for emails (routing); absent: the topic is shown. */
  departmentName?: (departmentId: string, locale: Locale) => Promise<string | null>;
  /** The brand's name (widget settings), the sender name of emails unless MAIL_FROM is set. */
  brandName?: () => Promise<string | null>;
  /** Told when an admin changes a department (`fields` set; null: created or archived). */
  onDepartmentChanged?: (listener: (departmentId: string, fields: readonly string[] | null) => void) => void;
  /** Links to files in transcript emails (attachments feature). */
  fileLinks?: TranscriptWorkerDeps['fileLinks'];
}

/**
 * Background jobs: the per-conversation idle timer, idle flags for
 * supervisors, and transcript emails. Producers run in every process (they
 * hook into the conversation events); processors only where PROCESS_ROLE
 * runs workers, which may be a separate `pnpm worker` process.
 */
export function createJobsFeature(context: AppContext, deps: JobsDeps) {
  const { config, logger, queues } = context;
  const { conversations, messages, broadcast, hooks } = deps;
  const metrics = createJobsMetrics(context.metrics, queues);
  const flags = createIdleFlags({
    conversations,
    sockets: context.sockets,
    liveState: messages.liveState,
  });
  const timers = createIdleTimers(queues);
  const base = deploymentThresholds(config);
  const thresholds = createThresholds(base, deps.departmentIdleSettings);
  const transcripts = createTranscriptsService({
    mongo: context.mongo,
    queues,
    conversations,
    customers: deps.customers,
    enabled: config.TRANSCRIPTS_ENABLED,
    attempts: config.TRANSCRIPT_ATTEMPTS,
    backoffMs: config.TRANSCRIPT_BACKOFF,
    mailDomain: () => mailDomain(senderOf(config.MAIL_FROM)),
  });
  // The rating page checks the links the transcript emails carry: both sides share one store.
  const ratingLinks = createRatingLinks(context.mongo, { baseUrl: context.publicUrl, ttlMs: config.RATING_LINK_TTL });
  // Workers need the mailer; web-only processes never open an SMTP connection or the outbox.
  const mailer = config.PROCESS_ROLE === 'web' ? null : createMailer(config, logger);

  const reportHookError = (what: string) => (error: unknown) => logger.warn({ err: error }, what);

  const rearm = createIdleRearm({ timers, thresholds, conversations });

  hooks.on('messageStored', async ({ conversationId, state, clearedIdle }, message) => {
    // The message answered a flag: it is gone from the live state already; the document and the lists follow.
    if (clearedIdle) await flags.clear(conversationId.toHexString(), clearedIdle);
    await rearm.afterMessage(conversationId.toHexString(), state, message);
  });
  hooks.on('assigned', (conversation) => rearm.afterAssigned(conversation));
  hooks.on('closed', async (conversation) => {
    await flags.clear(conversation._id.toHexString()).catch(reportHookError('clearing idle flag failed'));
    await transcripts.onClosed(conversation);
  });
  deps.onDepartmentChanged?.((departmentId, fields) => {
    if (!touchesIdleThresholds(fields)) return;
    rearm.rearmDepartment(departmentId).then((count) => {
      if (count > 0) logger.info({ departmentId, timers: count }, 'idle thresholds changed; timers re-armed');
    }, reportHookError('re-arming idle timers after a department change failed'));
  });

  queues.worker(QUEUES.idleSweep, () => rearm.restoreLost(), { concurrency: 1 });

  queues.worker(
    QUEUES.idle,
    idleProcessor({
      conversations,
      messages,
      broadcast,
      flags,
      timers,
      liveState: messages.liveState,
      thresholds,
      willEmailTranscript: (conversation) => transcripts.willEmailOnClose(conversation),
      ...(deps.requeue ? { requeue: deps.requeue } : {}),
      metrics,
      logger,
    }),
    // A run mostly waits on the database and Redis: many at once, so check-ins due together are not queued.
    { concurrency: 32 },
  );
  if (mailer) {
    queues.worker(
      QUEUES.transcripts,
      transcriptProcessor({
        transcripts,
        conversations,
        messages,
        mailer,
        ratingLinks,
        ...(deps.fileLinks ? { fileLinks: deps.fileLinks } : {}),
        replyTo: config.MAIL_REPLY_TO ?? senderOf(config.MAIL_FROM),
        ...(deps.departmentName ? { departmentName: deps.departmentName } : {}),
        ...(deps.brandName ? { brandName: deps.brandName } : {}),
        timeZone: 'UTC',
        metrics,
        logger,
      }),
      { concurrency: 4 },
    );
  }

  const routes = Router();
  routes.use(transcriptsRoutes({ auth: deps.restAuth, conversations, transcripts }));
  routes.use(jobsRoutes({ auth: deps.restAuth, queues, flags }));
  const dashboard = queuesDashboard({ auth: deps.restAuth, queues });
  routes.use(dashboard.router);
  const requestLimit = createRateLimit({
    redis: context.redis.command,
    keyPrefix: `${config.REDIS_PREFIX}:rl:transcript`,
    points: 5,
    durationSeconds: 600,
  });

  const feature = defineFeature({
    name: 'jobs',
    routes,
    handlers: { customer: transcriptSocketHandlers({ transcripts, limit: requestLimit }) },
    async start() {
      await transcripts.ensureIndexes();
      dashboard.refresh();
      if (config.PROCESS_ROLE === 'web') return;
      const restored = await rearm.restoreLost();
      const resumed = await transcripts.resumePending();
      if (restored > 0 || resumed > 0) logger.info({ timers: restored, transcripts: resumed }, 'jobs resumed');
      await scheduleRepeatingJob(queues, QUEUES.idleSweep, { everyMs: config.IDLE_TIMER_SWEEP, jobName: 'sweep' });
    },
    async stop() {
      // The queue factory closes workers first (they finish the job in hand), then this.
      mailer?.close();
      await Promise.resolve();
    },
  });
  return {
    feature,
    services: {
      transcripts,
      ratingLinks,
      idleTimers: timers,
      idleFlags: flags,
      rearmIdleTimers: rearm.rearmDepartment,
    },
  };
}

export type JobsServices = ReturnType<typeof createJobsFeature>['services'];
