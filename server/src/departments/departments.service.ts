import { EventEmitter } from 'node:events';
import {
  AppError,
  type DepartmentCreate,
  type DepartmentUpdate,
  type DepartmentView,
  type PublicTopic,
} from '@switchboard/shared';
import { isValidObjectId, type Types } from 'mongoose';
import type { Redis } from 'ioredis';
import type { DocumentLocks } from '../infra/document-lock.js';
import type { Logger } from '../infra/logger.js';
import { createVersionedCache } from '../infra/versioned-cache.js';
import type { Clock } from '../routing/clock.js';
import { isOpenAt, nextOpeningAt } from './business-hours.js';
import type { DepartmentModel, DepartmentRecord } from './department.model.js';

const notFound = () => new AppError('NOT_FOUND', 'No such department.');

// Names and topic keys must stay unique among live departments; FerretDB has no
// partial unique index, so writes that could collide take this one lock.
const WRITE_LOCK = 'departments:write';

export type DepartmentsService = ReturnType<typeof createDepartmentsService>;

export interface DepartmentsDeps {
  model: DepartmentModel;
  locks: DocumentLocks;
  clock: Clock;
  /** Where every process learns that the departments changed (infra/versioned-cache.ts). */
  version: { redis: Pick<Redis, 'get' | 'set'>; key: string };
  logger: Logger;
}

/** Binary order of names, as the database's sort gave it. */
const byName = (a: DepartmentRecord, b: DepartmentRecord) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Departments are a handful of documents read on every chat start (topic →
 * department), every routing round (hours, strategy, default capacities) and
 * every queue push, and written by an admin now and then. So every process
 * keeps all of them in memory behind a version in Redis: a change is in
 * effect at once everywhere, and the database is read once per change. The
 * records handed out are shared: callers read them, never change them.
 * Writes read the database itself, under the write lock.
 */
export function createDepartmentsService(deps: DepartmentsDeps) {
  const { model, locks, clock } = deps;
  const events = new EventEmitter();
  const cache = createVersionedCache({
    load: () => model.find({}).lean<DepartmentRecord[]>().exec(),
    redis: deps.version.redis,
    key: deps.version.key,
    logger: deps.logger,
    name: 'departments',
  });
  const live = async () => (await cache.get()).filter((record) => !record.archived);

  const toView = (record: DepartmentRecord): DepartmentView => ({
    id: record._id.toHexString(),
    name: record.name,
    topics: record.topics,
    languages: record.languages,
    hours: record.hours,
    strategy: record.strategy,
    languageFallbackSeconds: record.languageFallbackSeconds,
    maxQueueWaitSeconds: record.maxQueueWaitSeconds,
    defaultCapacity: record.defaultCapacity ?? null,
    customerIdleNudgeSeconds: record.customerIdleNudgeSeconds ?? null,
    customerIdleCloseSeconds: record.customerIdleCloseSeconds ?? null,
    agentReplySlaSeconds: record.agentReplySlaSeconds ?? null,
    ...(record.autoRequeueSeconds !== undefined ? { autoRequeueSeconds: record.autoRequeueSeconds } : {}),
    archived: record.archived,
    openNow: isOpenAt(record.hours, clock.now()),
  });

  /** CONFLICT naming the clash when another live department has this name or one of these topics. */
  async function assertUnique(id: Types.ObjectId | null, name: string | undefined, topics: string[] | undefined) {
    const others = await model
      .find({ archived: false, ...(id ? { _id: { $ne: id } } : {}) })
      .lean<DepartmentRecord[]>();
    const lower = name?.toLowerCase();
    const clashName = lower !== undefined && others.find((other) => other.name.toLowerCase() === lower);
    if (clashName) throw new AppError('CONFLICT', `A department named "${clashName.name}" exists.`, { field: 'name' });
    const taken = new Map(others.flatMap((other) => other.topics.map((topic) => [topic.key, other.name] as const)));
    const duplicates = topics?.filter((key, index) => topics.indexOf(key) !== index) ?? [];
    if (duplicates.length > 0) {
      throw new AppError('VALIDATION_FAILED', `Topic "${duplicates[0] ?? ''}" is listed twice.`, { field: 'topics' });
    }
    const clash = topics?.find((key) => taken.has(key));
    if (clash !== undefined) {
      throw new AppError(
        'CONFLICT',
        `Topic "${clash}" already belongs to ${taken.get(clash) ?? 'another department'}.`,
        {
          field: 'topics',
        },
      );
    }
  }

  /** `fields`: the stored fields an update set; null for a created or archived department (everything). */
  const changed = async (id: string, fields: readonly string[] | null = null) => {
    await cache.changed();
    events.emit('changed', id, fields);
  };

  return {
    model,
    toView,

    async get(id: string): Promise<DepartmentRecord | null> {
      if (!isValidObjectId(id)) return null;
      return (await cache.get()).find((record) => record._id.equals(id)) ?? null;
    },

    async list(options: { includeArchived?: boolean } = {}): Promise<DepartmentView[]> {
      const records = options.includeArchived ? await cache.get() : await live();
      return [...records].sort(byName).map(toView);
    },

    async create(input: DepartmentCreate): Promise<DepartmentView> {
      const created = await locks.run(WRITE_LOCK, async () => {
        await assertUnique(
          null,
          input.name,
          input.topics.map((topic) => topic.key),
        );
        return (await model.create({ ...input, archived: false })).toObject<DepartmentRecord>();
      });
      await changed(created._id.toHexString());
      return toView(created);
    },

    async update(id: string, changes: DepartmentUpdate): Promise<DepartmentView> {
      if (!isValidObjectId(id)) throw notFound();
      const updated = await locks.run(WRITE_LOCK, async () => {
        const current = await model.findById(id).lean<DepartmentRecord>();
        if (!current) throw notFound();
        if (!current.archived) {
          await assertUnique(
            current._id,
            changes.name,
            changes.topics?.map((topic) => topic.key),
          );
        }
        await model.updateOne({ _id: current._id }, { $set: changes });
        const updated: DepartmentRecord = { ...current, ...changes };
        return updated;
      });
      await changed(id, Object.keys(changes));
      return toView(updated);
    },

    /** DELETE archives: history keeps pointing at it, its topics stop resolving, nothing new is routed to it. */
    async archive(id: string): Promise<DepartmentView> {
      if (!isValidObjectId(id)) throw notFound();
      const archived = await locks.run(WRITE_LOCK, async () => {
        const current = await model.findById(id).lean<DepartmentRecord>();
        if (!current) throw notFound();
        await model.updateOne({ _id: current._id }, { $set: { archived: true } });
        return { ...current, archived: true };
      });
      await changed(id);
      return toView(archived);
    },

    /** The live department serving a pre-chat topic, or null (the general queue). */
    async departmentFor(topic: string): Promise<Types.ObjectId | null> {
      // A handful of departments: matched here rather than by a dotted query into an
      // array of subdocuments, which FerretDB v1 does not fully support.
      return (await live()).find((record) => record.topics.some((candidate) => candidate.key === topic))?._id ?? null;
    },

    /** Topics of live departments for the widget's pre-chat form, with whether each is open now. */
    async publicTopics(): Promise<PublicTopic[]> {
      const records = [...(await live())].sort(byName);
      const now = clock.now();
      return records.flatMap((record) => {
        const openNow = isOpenAt(record.hours, now);
        const nextOpening = openNow ? null : (nextOpeningAt(record.hours, now)?.toISOString() ?? null);
        return record.topics.map((topic) => ({
          key: topic.key,
          labels: topic.labels,
          languages: record.languages,
          openNow,
          nextOpeningAt: nextOpening,
        }));
      });
    },

    /** Called after this process creates, changes or archives a department (routing re-runs its queue). */
    onChanged(listener: (departmentId: string, fields: readonly string[] | null) => void): () => void {
      events.on('changed', listener);
      return () => events.off('changed', listener);
    },
  };
}
