import { AppError } from '@switchboard/shared';
import { Schema, type Connection, type Types } from 'mongoose';
import { isDuplicateKey } from '../infra/app-errors.js';
import { modelOn } from '../infra/mongo.js';
import type { DepartmentModel, DepartmentRecord } from './department.model.js';

/**
 * One document per name and topic key a live department holds, keyed by the
 * key itself: `{ _id: 'name:billing' | 'topic:iphone', departmentId }`. The
 * unique `_id` is what keeps names and topics unique among live departments
 * when two admins save at once, with no lock (a partial unique index on the
 * departments would do it on MongoDB, but FerretDB has none).
 */
const departmentKeySchema = new Schema(
  { _id: { type: String }, departmentId: { type: Schema.Types.ObjectId, required: true } },
  { collection: 'department_keys', versionKey: false },
);

export interface HeldKeys {
  name?: string | undefined;
  topics?: readonly string[] | undefined;
}

const keysOf = (held: HeldKeys): string[] => [
  ...(held.name === undefined ? [] : [`name:${held.name.toLowerCase()}`]),
  ...(held.topics ?? []).map((topic) => `topic:${topic}`),
];

export function createDepartmentKeys(connection: Connection, departments: DepartmentModel) {
  const Key = modelOn(connection, 'DepartmentKey', departmentKeySchema);

  /** Does `owner` still hold `key` (live, with that name or topic)? A key left by a crash or an archive does not count. */
  async function holder(key: string, owner: Types.ObjectId): Promise<DepartmentRecord | null> {
    const department = await departments.findById(owner).lean<DepartmentRecord>();
    if (!department || department.archived) return null;
    return keysOf({ name: department.name, topics: department.topics.map((topic) => topic.key) }).includes(key)
      ? department
      : null;
  }

  /** Takes one key for `departmentId`; CONFLICT naming the department that holds it. */
  async function take(key: string, departmentId: Types.ObjectId): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await Key.create({ _id: key, departmentId });
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const claim = await Key.findById(key).lean();
      if (!claim) continue;
      if (claim.departmentId.equals(departmentId)) return;
      const owner = await holder(key, claim.departmentId);
      if (owner) {
        const [kind, value] = key.split(/:(.*)/s) as [string, string];
        throw kind === 'name'
          ? new AppError('CONFLICT', `A department named "${owner.name}" exists.`, { field: 'name' })
          : new AppError('CONFLICT', `Topic "${value}" already belongs to ${owner.name}.`, { field: 'topics' });
      }
      // Left behind (archived, renamed, or a save that died halfway): take it over, if still so.
      const moved = await Key.updateOne({ _id: key, departmentId: claim.departmentId }, { $set: { departmentId } });
      if (moved.matchedCount === 1) return;
    }
    throw new AppError('STORE_UNAVAILABLE', 'Departments are being saved by someone else; retry.');
  }

  return {
    /**
     * Takes the keys `held` names for `departmentId` (those it holds already
     * are kept); on a clash gives back what it took and throws CONFLICT.
     */
    async claim(departmentId: Types.ObjectId, held: HeldKeys, alreadyHeld: HeldKeys = {}): Promise<void> {
      const before = new Set(keysOf(alreadyHeld));
      const taken: string[] = [];
      try {
        for (const key of keysOf(held)) {
          if (before.has(key)) continue;
          await take(key, departmentId);
          taken.push(key);
        }
      } catch (error) {
        await Key.deleteMany({ _id: { $in: taken }, departmentId });
        throw error;
      }
    },

    /** Gives back the keys of `released` that `departmentId` holds (its old name and topics, or all of them on archive). */
    async release(departmentId: Types.ObjectId, released: HeldKeys): Promise<void> {
      const keys = keysOf(released);
      if (keys.length > 0) await Key.deleteMany({ _id: { $in: keys }, departmentId });
    },

    /** The keys of every live department, for deployments whose departments predate them (idempotent). */
    async backfill(): Promise<void> {
      const live = await departments.find({ archived: false }).lean<DepartmentRecord[]>();
      for (const department of live) {
        for (const key of keysOf({ name: department.name, topics: department.topics.map((topic) => topic.key) })) {
          await Key.create({ _id: key, departmentId: department._id }).catch((error: unknown) => {
            if (!isDuplicateKey(error)) throw error;
          });
        }
      }
    },
  };
}

export type DepartmentKeys = ReturnType<typeof createDepartmentKeys>;
