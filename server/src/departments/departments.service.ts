import { EventEmitter } from 'node:events';
import {
  AppError,
  type DepartmentCreate,
  type Locale,
  type DepartmentUpdate,
  type DepartmentView,
  type PublicTopic,
} from '@switchboard/shared';
import { localizedParam } from '@switchboard/shared/i18n';
import { isValidObjectId, Types } from 'mongoose';
import type { Redis } from 'ioredis';
import type { Logger } from '../infra/logger.js';
import { createVersionedCache } from '../infra/versioned-cache.js';
import type { ChangeFeed } from '../infra/change-feed.js';
import type { Clock } from '../routing/clock.js';
import { isOpenAt, nextOpeningAt } from './business-hours.js';
import type { DepartmentKeys } from './department-keys.js';
import type { DepartmentModel, DepartmentRecord } from './department.model.js';

const notFound = () => new AppError('NOT_FOUND', 'No such department.');

export type DepartmentsService = ReturnType<typeof createDepartmentsService>;

export interface DepartmentsDeps {
  model: DepartmentModel;
  /** Names and topic keys held by live departments, unique (department-keys.ts). */
  keys: DepartmentKeys;
  clock: Clock;
  /** Where every process learns that the departments changed (infra/versioned-cache.ts). */
  version: { redis: Pick<Redis, 'get' | 'set'>; key: string; feed?: ChangeFeed };
  logger: Logger;
}

/**
 * The `department` parameters of a system line naming this department: the
 * default (its English name, else `name`) plus `department:<locale>` for each
 * language it has a name in, so each reader sees theirs (shared i18n/texts.ts).
 */
export function customerNames(record: Pick<DepartmentRecord, 'name' | 'names'>): Record<string, string> {
  const params: Record<string, string> = { department: record.names?.en ?? record.name };
  for (const [locale, name] of Object.entries(record.names ?? {})) {
    if (name) params[localizedParam('department', locale as Locale)] = name;
  }
  return params;
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
 * Writes read the database itself; names and topics stay unique among live
 * departments through the keys each one holds (department-keys.ts).
 */
export function createDepartmentsService(deps: DepartmentsDeps) {
  const { model, keys, clock } = deps;
  const events = new EventEmitter();
  const cache = createVersionedCache({
    load: () => model.find({}).lean<DepartmentRecord[]>().exec(),
    redis: deps.version.redis,
    key: deps.version.key,
    feed: deps.version.feed,
    logger: deps.logger,
    name: 'departments',
  });
  const live = async () => (await cache.get()).filter((record) => !record.archived);

  const toView = (record: DepartmentRecord): DepartmentView => ({
    id: record._id.toHexString(),
    name: record.name,
    names: record.names ?? {},
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
    autoRequeueSeconds: record.autoRequeueSeconds ?? null,
    archived: record.archived,
    openNow: isOpenAt(record.hours, clock.now()),
  });

  /** A topic key listed twice in one department is a mistake in the request itself. */
  function assertDistinctTopics(topics: string[] | undefined) {
    const duplicates = topics?.filter((key, index) => topics.indexOf(key) !== index) ?? [];
    if (duplicates.length > 0) {
      throw new AppError('VALIDATION_FAILED', `Topic "${duplicates[0] ?? ''}" is listed twice.`, { field: 'topics' });
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
      const topics = input.topics.map((topic) => topic.key);
      assertDistinctTopics(topics);
      const _id = new Types.ObjectId();
      await keys.claim(_id, { name: input.name, topics });
      let created: DepartmentRecord;
      try {
        created = (await model.create({ ...input, _id, archived: false })).toObject<DepartmentRecord>();
      } catch (error) {
        await keys.release(_id, { name: input.name, topics });
        throw error;
      }
      await changed(created._id.toHexString());
      return toView(created);
    },

    async update(id: string, changes: DepartmentUpdate): Promise<DepartmentView> {
      if (!isValidObjectId(id)) throw notFound();
      const current = await model.findById(id).lean<DepartmentRecord>();
      if (!current) throw notFound();
      const topics = changes.topics?.map((topic) => topic.key);
      assertDistinctTopics(topics);
      const held = { name: current.name, topics: current.topics.map((topic) => topic.key) };
      // An archived department holds no keys: its name and topics may be another's now.
      if (!current.archived) await keys.claim(current._id, { name: changes.name, topics }, held);
      await model.updateOne({ _id: current._id }, { $set: changes });
      const updated: DepartmentRecord = { ...current, ...changes };
      if (!current.archived) {
        // What it held before and no longer does goes back.
        const keptName = updated.name.toLowerCase() === current.name.toLowerCase();
        const keptTopics = new Set(updated.topics.map((topic) => topic.key));
        await keys.release(current._id, {
          ...(keptName ? {} : { name: current.name }),
          topics: held.topics.filter((topic) => !keptTopics.has(topic)),
        });
      }
      await changed(id, Object.keys(changes));
      return toView(updated);
    },

    /** DELETE archives: history keeps pointing at it, its topics stop resolving, nothing new is routed to it. */
    async archive(id: string): Promise<DepartmentView> {
      if (!isValidObjectId(id)) throw notFound();
      const current = await model.findOneAndUpdate({ _id: id }, { $set: { archived: true } }).lean<DepartmentRecord>();
      if (!current) throw notFound();
      const archived = { ...current, archived: true };
      await keys.release(current._id, { name: current.name, topics: current.topics.map((topic) => topic.key) });
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
