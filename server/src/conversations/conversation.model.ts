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
    },
    agentId: { type: Schema.Types.ObjectId, default: null, index: true },
    /** The assigned agent as customers see them, copied at assignment so views need no join. */
    agentCard: { displayName: String, avatarUrl: String },
    /** Last seq allocated by `$inc`; messages carry it as their order and catch-up cursor. */
    lastSeq: { type: Number, required: true, default: 0 },
    receipts: {
      customer: { type: receiptSchema, default: () => ({}) },
      agent: { type: receiptSchema, default: () => ({}) },
    },
    /** When it (first) entered the queue; a transfer keeps it so the chat is not sent to the back. */
    queuedAt: { type: Date, required: true },
    /**
     * Routing: queues are served by priority (highest first), then queuedAt.
     * A transfer to a department sets 1 so the chat goes to the front (R4).
     */
    priority: { type: Number, default: 0 },
    /** W5: a message left while nobody could chat; not routed automatically, agents pick it up and reply by email. */
    offline: { type: Boolean, default: false },
    /** The widget's id for the offline message, so a retried `conversation.leaveMessage` creates nothing new. */
    offlineRequestId: { type: String, default: null },
    assignedAt: Date,
    firstAgentReplyAt: Date,
    lastCustomerMessageAt: Date,
    lastAgentMessageAt: Date,
    closedAt: Date,
    closedBy: { kind: { type: String }, id: String },
    disposition: String,
    /**
     * Set by the idle timers (jobs feature) while the chat waits past a
     * threshold on one side: supervisors list and act on these (S2).
     */
    idle: {
      type: new Schema({ reason: { type: String, enum: IDLE_REASONS, required: true }, since: Date }, { _id: false }),
      default: null,
    },
  },
  { timestamps: true, collection: 'conversations' },
);
conversationSchema.index({ status: 1, departmentId: 1, queuedAt: 1 });
// Reports read a date range of conversations (S5); on MongoDB this keeps a week's report off a full scan.
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
