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
import type { CustomersService } from '../customers/customers.service.js';
import type { QueueFactory } from '../infra/queues.js';
import { QUEUES, transcriptJobId, type TranscriptJob } from '../jobs/job-queues.js';
import { replyRequestId } from './reply-content.js';
import { upsertWithRetry } from './upsert.js';
import { createDeliveryLog } from './delivery-log.js';
import { createDeliveryRecords } from './delivery-records.js';
import { deliveryModel, toDeliveryView, type DeliveryDocument } from './transcript-delivery.model.js';

/** Requested transcripts (by the customer and the desk together) one conversation may have. */
export const MAX_REQUESTS_PER_CONVERSATION = 3;

/** Addresses compare without case (the domain never has one; mailboxes almost never do in practice). */
const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export type TranscriptsService = ReturnType<typeof createTranscriptsService>;

/**
 * Transcript requests: write the delivery log entry, then queue one job
 * per request under a job id derived from it. Both steps are idempotent, so
 * two processes closing the same chat, or a customer retrying a request with
 * the same requestId, still make one email.
 */
export function createTranscriptsService(deps: {
  mongo: Connection;
  queues: QueueFactory;
  conversations: ConversationsService;
  customers: Pick<CustomersService, 'transcriptAddressOf'>;
  enabled: boolean;
  attempts: number;
  backoffMs: number;
  mailDomain: () => string;
}) {
  const Delivery = deliveryModel(deps.mongo);

  /**
   * The one address a transcript of this chat may go to: the one the customer
   * gave for it (pre-chat), else a verified customer's profile address. Never an
   * address typed at request time: that would let anyone email text they wrote
   * (say, a phishing link) to any inbox, from the company's own mail server.
   */
  async function ownAddress(conversation: ConversationDocument): Promise<string | undefined> {
    if (conversation.prechat?.email) return conversation.prechat.email;
    const customer = await deps.customers.transcriptAddressOf(conversation.customerId);
    return customer?.verified && customer.email ? customer.email : undefined;
  }
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

  /**
   * Whether closing this conversation emails its transcript. Not a message
   * left offline: its answers went out as emails already, one summary more
   * would only repeat them. Not a waiting chat the customer gave up for a
   * message left offline: that message is their case, with its own emails.
   */
  const willEmailOnClose = (
    conversation: Pick<ConversationDocument, 'prechat' | 'offline' | 'supersededBy'>,
  ): boolean =>
    deps.enabled && Boolean(conversation.prechat?.email) && !conversation.offline && !conversation.supersededBy;

  return {
    queue,
    /** The worker's reads and writes of the delivery log. */
    deliveries: createDeliveryLog(Delivery),
    /** Builds the delivery log's indexes (its unique request key) before the first request. */
    ensureIndexes: () => Delivery.init(),
    ...createDeliveryRecords(Delivery),

    willEmailOnClose,

    /** On every close (agent, customer or idle): one transcript to the pre-chat address, if any. */
    async onClosed(conversation: ConversationDocument): Promise<void> {
      const to = conversation.prechat?.email;
      if (!to || !willEmailOnClose(conversation)) return;
      await enqueue(conversation, 'close', { trigger: 'close', to });
    },

    /**
     * An agent answered a message left offline; the customer, who is not
     * in the chat, gets it by email — the conversation so far, reply included.
     * Once per reply (the request id is the message's), and regardless of
     * TRANSCRIPTS_ENABLED: email is the only way this answer reaches them.
     */
    async offlineReply(conversation: ConversationDocument, message: { id: string }): Promise<void> {
      const to = conversation.prechat?.email;
      if (!to) return;
      await enqueue(conversation, replyRequestId(message.id), { trigger: 'offline-reply', to });
    },

    /**
     * The customer (or the desk, for them) asks for the transcript. Only
     * their own conversation (another's answers NOT_FOUND), and only to the
     * customer's own address ({@link ownAddress}): an `email` given with the
     * request must be that address, else FORBIDDEN and nothing is sent. At most
     * {@link MAX_REQUESTS_PER_CONVERSATION} requests per chat; a retry with the
     * same requestId is the same request.
     */
    async request(viewer: Viewer, payload: TranscriptRequest): Promise<TranscriptRequested> {
      const conversation = await deps.conversations.get(payload.conversationId, viewer, 'read');
      const to = await ownAddress(conversation);
      if (!to) throw new AppError('VALIDATION_FAILED', 'This chat has no email address to send the transcript to.');
      if (payload.email && !sameAddress(payload.email, to)) {
        throw new AppError('FORBIDDEN', 'A transcript goes only to the email address given for this chat.', {
          reason: 'address-not-the-customers',
        });
      }
      const clientRequestId = payload.requestId ?? randomUUID();
      const requestId = `req-${clientRequestId}`;
      const id = conversation._id.toHexString();
      const existing = await Delivery.exists({ conversationId: conversation._id, requestId });
      // A new request takes one of the chat's few: one atomic count on the conversation, so
      // parallel requests cannot pass the cap together (two copies of one retried request may
      // both count, which only ever makes the cap stricter).
      if (!existing) {
        if (!(await deps.conversations.countTranscriptRequest(conversation._id, MAX_REQUESTS_PER_CONVERSATION))) {
          throw new AppError('RATE_LIMITED', 'This conversation has been emailed as often as it can be.', {
            reason: 'transcripts-per-conversation',
          });
        }
      }
      const entry = await logEntry(conversation._id, requestId, { trigger: 'request', to });
      // A retried request finds its entry and re-adds its job (a no-op while the job exists).
      if (entry.status === 'queued' || entry.status === 'retrying') {
        const job: TranscriptJob = { conversationId: id, requestId };
        await queue.add('transcript', job, { jobId: transcriptJobId(job) });
      }
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
