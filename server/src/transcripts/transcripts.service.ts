import { randomUUID } from 'node:crypto';
import {
  AppError,
  type TranscriptDeliveryView,
  type TranscriptRequest,
  type TranscriptRequested,
  type TranscriptTrigger,
} from '@switchboard/shared';
import type { Connection, Types } from 'mongoose';
import type { Viewer } from '../conversations/access.js';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { QueueFactory } from '../infra/queues.js';
import { QUEUES, transcriptJobId, type TranscriptJob } from '../jobs/job-queues.js';
import { upsertWithRetry } from './upsert.js';
import { deliveryModel, toDeliveryView, type DeliveryDocument } from './transcript-delivery.model.js';

/** Customer-requested transcripts one conversation may have (each is an email to any address they type). */
export const MAX_REQUESTS_PER_CONVERSATION = 5;

export type TranscriptsService = ReturnType<typeof createTranscriptsService>;

/**
 * Transcript requests (J3): write the delivery log entry, then queue one job
 * per request under a job id derived from it. Both steps are idempotent, so
 * two processes closing the same chat, or a customer retrying a request with
 * the same requestId, still make one email.
 */
export function createTranscriptsService(deps: {
  mongo: Connection;
  queues: QueueFactory;
  conversations: ConversationsService;
  enabled: boolean;
  attempts: number;
  backoffMs: number;
  mailDomain: () => string;
}) {
  const Delivery = deliveryModel(deps.mongo);
  const queue = deps.queues.queue<TranscriptJob>(QUEUES.transcripts, {
    defaultJobOptions: {
      attempts: deps.attempts,
      backoff: { type: 'exponential', delay: deps.backoffMs },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });

  async function logEntry(
    conversationId: Types.ObjectId,
    requestId: string,
    fields: { trigger: TranscriptTrigger; to: string },
  ): Promise<DeliveryDocument> {
    const messageId = `<transcript.${conversationId.toHexString()}.${requestId}@${deps.mailDomain()}>`;
    const upsert = () =>
      Delivery.findOneAndUpdate(
        { conversationId, requestId },
        {
          $setOnInsert: {
            conversationId,
            requestId,
            ...fields,
            status: 'queued',
            messageId,
            queuedAt: new Date(),
          },
        },
        { upsert: true, returnDocument: 'after' },
      ).lean<DeliveryDocument>();
    return upsertWithRetry(upsert);
  }

  async function enqueue(
    conversation: ConversationDocument,
    requestId: string,
    fields: { trigger: TranscriptTrigger; to: string },
  ): Promise<DeliveryDocument> {
    const entry = await logEntry(conversation._id, requestId, fields);
    if (entry.status === 'queued' || entry.status === 'retrying') {
      const job: TranscriptJob = { conversationId: conversation._id.toHexString(), requestId };
      await queue.add('transcript', job, { jobId: transcriptJobId(job) });
    }
    return entry;
  }

  return {
    model: Delivery,
    queue,

    /** Whether closing this conversation emails its transcript. */
    willEmailOnClose(conversation: Pick<ConversationDocument, 'prechat'>): boolean {
      return deps.enabled && Boolean(conversation.prechat?.email);
    },

    /** On every close (agent, customer or idle): one transcript to the pre-chat address, if any. */
    async onClosed(conversation: ConversationDocument): Promise<void> {
      const to = conversation.prechat?.email;
      if (!deps.enabled || !to) return;
      await enqueue(conversation, 'close', { trigger: 'close', to });
    },

    /**
     * W5: an agent answered a message left offline; the customer, who is not
     * in the chat, gets it by email — the conversation so far, reply included.
     * Once per reply (the request id is the message's), and regardless of
     * TRANSCRIPTS_ENABLED: email is the only way this answer reaches them.
     */
    async offlineReply(conversation: ConversationDocument, message: { id: string }): Promise<void> {
      const to = conversation.prechat?.email;
      if (!to) return;
      await enqueue(conversation, `reply-${message.id}`, { trigger: 'offline-reply', to });
    },

    /**
     * W6: the customer asks for the transcript. Only their own conversation
     * (another's answers NOT_FOUND); an email given here is used for this
     * transcript only, never stored on the customer.
     */
    async request(viewer: Viewer, payload: TranscriptRequest): Promise<TranscriptRequested> {
      const conversation = await deps.conversations.get(payload.conversationId, viewer, 'read');
      const to = payload.email ?? conversation.prechat?.email;
      if (!to) throw new AppError('VALIDATION_FAILED', 'Tell us which email address to send the transcript to.');
      const clientRequestId = payload.requestId ?? randomUUID();
      const requestId = `req-${clientRequestId}`;
      const existing = await Delivery.exists({ conversationId: conversation._id, requestId });
      if (!existing) {
        const requested = await Delivery.countDocuments({ conversationId: conversation._id, trigger: 'request' });
        if (requested >= MAX_REQUESTS_PER_CONVERSATION) {
          throw new AppError('RATE_LIMITED', 'This conversation has been emailed as often as it can be.');
        }
      }
      // A retried request finds its entry and re-adds its job (a no-op while the job exists).
      const entry = await enqueue(conversation, requestId, { trigger: 'request', to });
      return { requestId: clientRequestId, status: entry.status, to: entry.to };
    },

    /**
     * Re-adds the job of every request still waiting to be sent (at worker
     * start). Its job id makes this a no-op for jobs that exist; it recreates
     * one lost between the log write and the enqueue (e.g. Redis was down).
     */
    async resumePending(): Promise<number> {
      const pending = await Delivery.find(
        { status: { $in: ['queued', 'retrying'] } },
        { conversationId: 1, requestId: 1 },
      )
        .limit(10_000)
        .lean();
      for (const entry of pending) {
        const job: TranscriptJob = { conversationId: entry.conversationId.toHexString(), requestId: entry.requestId };
        await queue.add('transcript', job, { jobId: transcriptJobId(job) });
      }
      return pending.length;
    },

    /** The delivery log of one conversation, oldest first (the caller has authorized the reader). */
    async list(conversationId: Types.ObjectId): Promise<TranscriptDeliveryView[]> {
      const found = await Delivery.find({ conversationId }).sort({ queuedAt: 1 }).lean<DeliveryDocument[]>();
      return found.map(toDeliveryView);
    },
  };
}
