import { AGENT_ROLES, AGENT_STATUSES, type AgentRole, type AgentStatus } from '@switchboard/shared';
import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** An agent document as stored (lean). Only the agents feature ever sees `passwordHash`. */
export interface AgentRecord {
  _id: Types.ObjectId;
  email: string;
  passwordHash: string;
  displayName: string;
  avatarUrl?: string | null;
  role: AgentRole;
  status: AgentStatus;
  departmentIds: Types.ObjectId[];
  languages: string[];
  /** Null: the department default applies (routing's effective-capacity.ts). */
  capacity: number | null;
  active: boolean;
  /** Routing: ties between equally loaded agents go to the one idle longest. */
  lastAssignedAt?: Date | null;
  /**
   * Routing's load counters, written under the agent's lock: raised by a claim
   * before it takes a chat (so never below the truth), re-counted from the
   * conversations on every release and by the sweep (routing/capacity.ts).
   */
  activeChats?: number;
  freeSlots?: number;
  /**
   * Bumped to revoke every session at once (deactivation, password reset):
   * a session remembers the epoch it was created in and is refused once it differs,
   * even if deleting its Redis key raced with a concurrent sign-in.
   */
  sessionEpoch: number;
  createdAt: Date;
  updatedAt: Date;
}

// Untyped schema (types inferred); AgentRecord above is the contract the rest of the feature uses.
// Mongoose takes plain option objects where its typings name the SchemaTypeOptions class.
const agentSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    displayName: { type: String, required: true, trim: true, maxlength: 80 },
    avatarUrl: { type: String, default: null },
    role: { type: String, enum: AGENT_ROLES, default: 'agent', required: true },
    status: { type: String, enum: AGENT_STATUSES, default: 'offline', required: true },
    departmentIds: { type: [Schema.Types.ObjectId], default: [] },
    languages: { type: [String], default: ['en'] },
    capacity: { type: Number, default: 3, min: 1, max: 50 },
    active: { type: Boolean, default: true },
    lastAssignedAt: { type: Date, default: null },
    activeChats: { type: Number, default: 0 },
    freeSlots: { type: Number, default: 0 },
    sessionEpoch: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'agents' },
);
// The unique index is also what makes first-admin creation safe when two processes boot at once.
agentSchema.index({ email: 1 }, { unique: true });
agentSchema.index({ role: 1, active: 1 });

export type AgentModel = Model<AgentRecord>;

/** The Agent model on this app's connection (registered once per connection, never on global mongoose). */
export function agentModel(connection: Connection): AgentModel {
  return ((connection.models.Agent as AgentModel | undefined) ??
    connection.model('Agent', agentSchema)) as unknown as AgentModel;
}

/** MongoDB's duplicate-key error, e.g. an email that is already taken. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
