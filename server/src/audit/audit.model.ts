import type { AuditActor } from '@switchboard/shared';
import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface AuditRecord {
  _id: Types.ObjectId;
  at: Date;
  actor: AuditActor;
  action: string;
  target: { kind: string; id: string; name?: string };
  details: Record<string, unknown>;
}

// Append-only: entries are inserted once and never updated, so no document lock is needed.
const auditSchema = new Schema(
  {
    at: { type: Date, required: true },
    actor: { id: String, name: String, role: String },
    action: { type: String, required: true },
    target: { kind: String, id: String, name: String },
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'audit', minimize: false, versionKey: false },
);
auditSchema.index({ at: -1 });
auditSchema.index({ 'actor.id': 1, at: -1 });
auditSchema.index({ 'target.id': 1, at: -1 });

export type AuditModel = Model<AuditRecord>;

export function auditModel(connection: Connection): AuditModel {
  return ((connection.models.AuditEntry as AuditModel | undefined) ??
    connection.model('AuditEntry', auditSchema)) as unknown as AuditModel;
}
