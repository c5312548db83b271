import { ROUTING_STRATEGIES, SUPPORTED_LOCALES, type BusinessHours, type DepartmentTopic } from '@switchboard/shared';
import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A department as stored (lean). Shapes of `topics` and `hours` are validated by zod before they get here. */
export interface DepartmentRecord {
  _id: Types.ObjectId;
  name: string;
  /** What customers read, per language; absent in records stored before it existed. */
  names?: Partial<Record<(typeof SUPPORTED_LOCALES)[number], string>>;
  topics: DepartmentTopic[];
  languages: (typeof SUPPORTED_LOCALES)[number][];
  hours: BusinessHours | null;
  strategy: (typeof ROUTING_STRATEGIES)[number];
  languageFallbackSeconds: number | null;
  maxQueueWaitSeconds: number | null;
  /** Capacity of its agents who have none of their own; null (or absent in older records): the deployment's. */
  defaultCapacity?: number | null;
  /** Idle thresholds in seconds; null or absent: the deployment's. */
  customerIdleNudgeSeconds?: number | null;
  customerIdleCloseSeconds?: number | null;
  agentReplySlaSeconds?: number | null;
  /**
   * `'off'`: auto-requeue off here; null or absent: the deployment's AGENT_IDLE_REQUEUE.
   * (A null written before `'off'` existed came from the console's "empty: the
   * deployment default", so it is read as that.)
   */
  autoRequeueSeconds?: number | 'off' | null;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const departmentSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 80 },
    names: { type: Schema.Types.Mixed, default: {} },
    // Mixed: the zod schemas in shared/src/routing.ts are the contract; mongoose only stores them.
    topics: { type: [Schema.Types.Mixed], default: [] },
    languages: { type: [String], enum: SUPPORTED_LOCALES, default: ['en'] },
    hours: { type: Schema.Types.Mixed, default: null },
    strategy: { type: String, enum: ROUTING_STRATEGIES, default: 'least-loaded', required: true },
    languageFallbackSeconds: { type: Number, default: 60 },
    maxQueueWaitSeconds: { type: Number, default: null },
    defaultCapacity: { type: Number, default: null },
    customerIdleNudgeSeconds: { type: Number, default: null },
    customerIdleCloseSeconds: { type: Number, default: null },
    agentReplySlaSeconds: { type: Number, default: null },
    // Seconds, 'off', or null / absent for the deployment's (zod checks the shape before it gets here).
    autoRequeueSeconds: { type: Schema.Types.Mixed, default: null },
    archived: { type: Boolean, default: false },
  },
  { timestamps: true, collection: 'departments', minimize: false },
);

export type DepartmentModel = Model<DepartmentRecord>;

export function departmentModel(connection: Connection): DepartmentModel {
  return ((connection.models.Department as DepartmentModel | undefined) ??
    connection.model('Department', departmentSchema)) as unknown as DepartmentModel;
}
