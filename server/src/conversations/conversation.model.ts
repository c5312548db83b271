import { CONVERSATION_STATUSES, IDLE_REASONS, SUPPORTED_LOCALES } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { modelOn } from '../infra/mongo.js';

const receiptSchema = new Schema(
  { deliveredSeq: { type: Number, default: 0 }, readSeq: { type: Number, default: 0 } },
  { _id: false },
);

const conversationSchema = new Schema(
  {
    caseNumber: { type: String, required: true, unique: true },
    status: { type: String, enum: CONVERSATION_STATUSES, required: true, default: 'queued' },
    customerId: { type: Schema.Types.ObjectId, required: true, index: true },
    topic: { type: String, required: true },
    departmentId: { type: Schema.Types.ObjectId, default: null },
    language: { type: String, enum: SUPPORTED_LOCALES, required: true },
    prechat: {
      name: String,
      email: String,
      region: String,
      pageUrl: String,
      userAgent: String,
      /** The customer's IANA time zone, as their browser gave it: emails write times in it. */
      timeZone: String,
    },
    agentId: { type: Schema.Types.ObjectId, default: null, index: true },
    /** The assigned agent as customers see them, copied at assignment so views need no join. */
    agentCard: { displayName: String, avatarUrl: String },
    /**
     * The highest message seq, written behind the messages (messages/message-activity.ts);
     * the seqs themselves are handed out in Redis (messages/live-state.ts).
     */
    lastSeq: { type: Number, required: true, default: 0 },
    /** Incremented by every state change (assignment, transfer, close), so the live mirror in Redis keeps the latest. */
    stateRev: { type: Number, default: 0 },
    /**
     * Whose turn it is and since when: the side of the last customer or agent message, and
     * the first message of that side's current run (a customer waiting since then).
     */
    turn: {
      type: new Schema(
        { side: { type: String, enum: ['customer', 'agent'] }, since: Date, seq: Number },
        { _id: false },
      ),
      default: null,
    },
    receipts: {
      customer: { type: receiptSchema, default: () => ({}) },
      agent: { type: receiptSchema, default: () => ({}) },
    },
    /** When it (first) entered the queue; a transfer keeps it so the chat is not sent to the back. */
    queuedAt: { type: Date, required: true },
    /**
     * Routing: queues are served by priority (highest first), then queuedAt.
     * A transfer to a department sets 1 so the chat goes to the front, not the back.
     */
    priority: { type: Number, default: 0 },
    /**
     * The agent a requeue or a transfer to a department took the chat from:
     * routing gives it to anyone else (that agent may still pick it up by
     * hand). Cleared when it is assigned.
     */
    avoidAgentId: { type: Schema.Types.ObjectId, default: null },
    /** A message left while nobody could chat; not routed automatically, agents pick it up and reply by email. */
    offline: { type: Boolean, default: false },
    /** The widget's id for the offline message, so a retried `conversation.leaveMessage` creates nothing new. */
    offlineRequestId: { type: String, default: null },
    /**
     * A waiting chat the customer gave up to leave a message instead: the
     * offline conversation that carries their case on. Closing this one sends
     * no transcript: one case, one email thread.
     */
    supersededBy: { type: Schema.Types.ObjectId },
    assignedAt: Date,
    firstAgentReplyAt: Date,
    lastCustomerMessageAt: Date,
    lastAgentMessageAt: Date,
    closedAt: Date,
    closedBy: { kind: { type: String }, id: String },
    disposition: String,
    /**
     * Set by the idle timers (jobs feature) while the chat waits past a
     * threshold on one side: supervisors list and act on these.
     */
    idle: {
      type: new Schema({ reason: { type: String, enum: IDLE_REASONS, required: true }, since: Date }, { _id: false }),
      default: null,
    },
  },
  { timestamps: true, collection: 'conversations' },
);
conversationSchema.index({ status: 1, departmentId: 1, queuedAt: 1 });
// Reports read a date range of conversations; on MongoDB this keeps a week's report off a full scan.
conversationSchema.index({ createdAt: 1 });

export type ConversationDocument = InferSchemaType<typeof conversationSchema> & { _id: Types.ObjectId };

/** Per-year case number counters: `{ _id: 'case:2026', value }`. */
const counterSchema = new Schema(
  { _id: { type: String }, value: { type: Number, required: true } },
  { collection: 'counters' },
);

export function conversationModels(connection: Connection) {
  return {
    Conversation: modelOn(connection, 'Conversation', conversationSchema),
    Counter: modelOn(connection, 'Counter', counterSchema),
  };
}
