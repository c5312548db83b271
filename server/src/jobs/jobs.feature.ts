import type { Locale } from '@switchboard/shared';
import { Router } from 'express';
import { Types } from 'mongoose';
import type { AppContext } from '../app-context.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import { conversationModels } from '../conversations/conversation.model.js';
import type { MessagingServices } from '../conversations/messaging.feature.js';
import { defineFeature } from '../infra/feature.js';
import { createRateLimit } from '../infra/rate-limit.js';
import { createMailer, mailDomain, senderOf } from '../mail/mailer.js';
import { createRatingLinks } from '../transcripts/rating-links.js';
import { transcriptSocketHandlers } from '../transcripts/transcript.socket.js';
import { transcriptProcessor, type TranscriptWorkerDeps } from '../transcripts/transcript.worker.js';
import { transcriptsRoutes } from '../transcripts/transcripts.routes.js';
import { createTranscriptsService } from '../transcripts/transcripts.service.js';
import { createIdleFlags } from './idle-flags.js';
import { createThresholds, deploymentThresholds, type DepartmentIdleSettingsLookup } from './idle-thresholds.js';
import { createIdleTimers, type RescheduleMode } from './idle-timers.js';
import { idleProcessor } from './idle.worker.js';
import { QUEUES } from './job-queues.js';
import { createJobsMetrics } from './jobs-metrics.js';
import { jobsRoutes } from './jobs.routes.js';
import { queuesDashboard } from './queues-dashboard.js';

export interface JobsDeps extends Pick<MessagingServices, 'conversations' | 'messages' | 'hooks' | 'broadcast'> {
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

/** Department fields the idle timers read (idle-thresholds.ts). */
const IDLE_FIELDS: ReadonlySet<string> = new Set([
  'customerIdleNudgeSeconds',
  'customerIdleCloseSeconds',
  'agentReplySlaSeconds',
  'autoRequeueSeconds',
]);

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
    Conversation: conversationModels(context.mongo).Conversation,
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

  /**
   * First wake-up of the agent's turn: the reply SLA, or the check-in delay if
   * shorter. The hooks of two messages may reach Redis in either order (the
   * customer's clears a flag first): should this re-arm land after that of
   * the agent's reply that followed, it would replace the check-in's, and the
   * timer must still look at the customer's turn in time. One wake-up per
   * turn, not a poll: the policy sleeps until the SLA after that.
   */
  async function agentTurnWakeMs(departmentId: string | null | undefined): Promise<number> {
    const { agentReplyMs, nudgeMs } = await thresholds(departmentId ?? undefined);
    return Math.min(agentReplyMs, nudgeMs);
  }

  // Producers: one Redis call (after the ack) when a message hands the turn to the other side,
  // none for further messages of the same turn.
  hooks.on('messageStored', async ({ conversationId, state, clearedIdle }, message) => {
    if (message.internal || message.author.kind === 'system') return;
    const id = conversationId.toHexString();
    // The message answered a flag: it is gone from the live state already; the document and the lists follow.
    if (clearedIdle) await flags.clear(id, clearedIdle);
    // Offline messages are answered by email and never timed (idle-policy.ts).
    if (state.status !== 'active' || state.offline) return;
    // Further messages in the same turn leave its timer as it is: it was armed when the turn
    // began (or at assignment), and the periodic sweep restores one that was lost.
    const side = message.author.kind === 'customer' ? 'customer' : 'agent';
    if (state.turn === side) return;
    if (side === 'customer') {
      await timers.schedule(id, await agentTurnWakeMs(state.departmentId), 'reset');
      return;
    }
    // The agent answered: the customer's check-in is due exactly this long from now, in one wake-up.
    await timers.schedule(id, (await thresholds(state.departmentId ?? undefined)).nudgeMs, 'reset');
  });
  hooks.on('assigned', async (conversation) => {
    if (conversation.offline) return;
    await timers.schedule(
      conversation._id.toHexString(),
      await agentTurnWakeMs(conversation.departmentId?.toHexString()),
      'reset',
    );
  });
  hooks.on('closed', async (conversation) => {
    await flags.clear(conversation._id.toHexString()).catch(reportHookError('clearing idle flag failed'));
    await transcripts.onClosed(conversation);
  });

  /** Every live, timed chat matching `filter` has its timer look at it now; returns how many chats. */
  async function lookAgainNow(filter: Record<string, unknown>, mode: RescheduleMode): Promise<number> {
    const cursor = conversationModels(context.mongo)
      .Conversation.find({ ...filter, status: 'active', offline: { $ne: true } }, { _id: 1 })
      .lean()
      .cursor();
    let count = 0;
    for await (const conversation of cursor) {
      await timers.schedule(conversation._id.toHexString(), 0, mode);
      count += 1;
    }
    return count;
  }

  /**
   * Thresholds are read when a timer fires, so a raised one already applies
   * (the early wake-up just re-arms later); a lowered one would wait for the
   * pending wake-up. So every live chat of the department looks again now:
   * one Redis call each, on a rare admin action.
   */
  async function rearmDepartment(departmentId: string): Promise<number> {
    if (!Types.ObjectId.isValid(departmentId)) return 0;
    return lookAgainNow({ departmentId: new Types.ObjectId(departmentId) }, 'reset');
  }
  deps.onDepartmentChanged?.((departmentId, fields) => {
    if (fields && !fields.some((field) => IDLE_FIELDS.has(field))) return;
    rearmDepartment(departmentId).then((count) => {
      if (count > 0) logger.info({ departmentId, timers: count }, 'idle thresholds changed; timers re-armed');
    }, reportHookError('re-arming idle timers after a department change failed'));
  });

  /**
   * Timers survive whatever happened to Redis or a job: every live chat gets
   * its timer back, due now, so the processor decides from the chat as it stands. One
   * Redis call per chat, a no-op (deduplicated) for every chat whose timer is
   * pending or running; so it runs at start and as a periodic sweep, which is
   * also what re-arms a timer whose job failed for good (retries spent, or
   * stalled twice) — without it that chat would never be nudged or flagged again.
   */
  const restoreLostTimers = () => lookAgainNow({}, 'ensure');
  queues.worker(QUEUES.idleSweep, () => restoreLostTimers(), { concurrency: 1 });

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
      await transcripts.model.init();
      dashboard.refresh();
      if (config.PROCESS_ROLE === 'web') return;
      const restored = await restoreLostTimers();
      const resumed = await transcripts.resumePending();
      if (restored > 0 || resumed > 0) logger.info({ timers: restored, transcripts: resumed }, 'jobs resumed');
      await queues
        .queue(QUEUES.idleSweep)
        .upsertJobScheduler(
          QUEUES.idleSweep,
          { every: config.IDLE_TIMER_SWEEP },
          { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100, attempts: 1 } },
        );
    },
    async stop() {
      // The queue factory closes workers first (they finish the job in hand), then this.
      mailer?.close();
      await Promise.resolve();
    },
  });
  return {
    feature,
    services: { transcripts, ratingLinks, idleTimers: timers, idleFlags: flags, rearmIdleTimers: rearmDepartment },
  };
}

export type JobsServices = ReturnType<typeof createJobsFeature>['services'];
