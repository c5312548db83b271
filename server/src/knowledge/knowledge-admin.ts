import { isDeepStrictEqual } from 'node:util';
import { AppError } from '@switchboard/shared';
import type { Model, Types } from 'mongoose';
import type { AuditService } from '../audit/audit.service.js';
import type { AgentPrincipal } from '../auth/principal.js';
import { isDuplicateKey } from '../infra/app-errors.js';

/** The fields this module reads and writes, common to both models (cast from each kind's own model). */
export interface KnowledgeFields {
  shortcut?: string;
  slug?: string;
  variants: unknown[];
  archived?: boolean | null;
}

/** A stored entry as read back. */
type Doc = KnowledgeFields & { _id: Types.ObjectId; updatedAt?: Date };

export interface AdminView {
  id: string;
  variants: unknown[];
  archived: boolean;
  updatedAt: string;
}

interface KindConfig {
  /** `canned` or `article`: the audit action prefix and the audit target kind. */
  kind: 'canned' | 'article';
  /** The unique field people find it by: `shortcut` or `slug`. */
  keyField: 'shortcut' | 'slug';
  noun: string;
}

/**
 * Create, change, archive and restore one kind of knowledge entry. Each
 * change is written only if the entry is still as it was read (its
 * `updatedAt`), so the audit record names exactly the fields that changed
 * even when two admins save at once; the unique key index answers CONFLICT
 * for a shortcut or slug that is taken, archived ones included.
 */
export function createKnowledgeAdmin(
  model: Model<KnowledgeFields>,
  config: KindConfig,
  deps: {
    audit: AuditService;
    /** Called after every stored change, so open desks can load the list again. */
    changed: (kind: KindConfig['kind']) => void;
  },
) {
  const { kind, keyField, noun } = config;

  const toView = (doc: Doc): AdminView & Record<string, unknown> => ({
    id: doc._id.toHexString(),
    [keyField]: doc[keyField],
    variants: doc.variants,
    archived: doc.archived === true,
    updatedAt: (doc.updatedAt ?? new Date(0)).toISOString(),
  });

  const taken = (key: string) =>
    new AppError('CONFLICT', `Another ${noun} already uses "${key}" (perhaps an archived one: restore it instead).`, {
      field: keyField,
    });

  const load = async (id: string): Promise<Doc> => {
    const doc = (await model.findById(id).lean()) as Doc | null;
    if (!doc) throw new AppError('NOT_FOUND', `No such ${noun}.`);
    return doc;
  };

  /** Writes the fields of `changes` that differ, if the entry is still as read; reads again when it moved. */
  async function applyChanges(id: string, changes: Record<string, unknown>) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await load(id);
      const changedFields = Object.keys(changes).filter((field) => {
        const now = (current as unknown as Record<string, unknown>)[field];
        return !isDeepStrictEqual(field === 'archived' ? now === true : normalise(now), changes[field]);
      });
      if (changedFields.length === 0) return { view: toView(current), changed: [] as string[], before: current };
      const $set = Object.fromEntries(changedFields.map((field) => [field, changes[field]]));
      // FerretDB's findAndModify does not report unique-index clashes as duplicate keys: ask first.
      if (changedFields.includes(keyField) && (await model.exists({ [keyField]: changes[keyField] }))) {
        throw taken(changes[keyField] as string);
      }
      try {
        const updated = (await model
          .findOneAndUpdate({ _id: current._id, updatedAt: current.updatedAt }, { $set }, { returnDocument: 'after' })
          .lean()) as Doc | null;
        if (updated) return { view: toView(updated), changed: changedFields, before: current };
      } catch (error) {
        if (isDuplicateKey(error) || /E11000|duplicate key/i.test(String(error))) {
          throw taken(changes[keyField] as string);
        }
        throw error;
      }
    }
    throw new AppError('STORE_UNAVAILABLE', `The ${noun} kept changing; retry.`);
  }

  return {
    async list(includeArchived: boolean): Promise<AdminView[]> {
      const filter = includeArchived ? {} : { archived: { $ne: true } };
      const docs = (await model
        .find(filter)
        .sort({ [keyField]: 1 })
        .limit(2000)
        .lean()) as Doc[];
      return docs.map(toView);
    },

    async create(actor: AgentPrincipal, input: Record<string, unknown>): Promise<AdminView> {
      const key = input[keyField] as string;
      let created: Doc;
      try {
        const doc = await model.create({ ...input, archived: false });
        created = (doc as unknown as { toObject(): Doc }).toObject();
      } catch (error) {
        if (isDuplicateKey(error)) throw taken(key);
        throw error;
      }
      const id = created._id.toHexString();
      deps.changed(kind);
      await deps.audit.record({
        actor,
        action: `${kind}.create`,
        target: { kind, id, name: key },
        details: { [keyField]: key, locales: localesOf(created.variants) },
      });
      return toView(created);
    },

    /** Applies the changes that differ; archiving is `{ archived: true }` (also DELETE). */
    async update(actor: AgentPrincipal, id: string, changes: Record<string, unknown>): Promise<AdminView> {
      const { view, changed, before } = await applyChanges(id, changes);
      if (changed.length > 0) {
        deps.changed(kind);
        const action = changed.includes('archived') ? (view.archived ? 'archive' : 'restore') : 'update';
        await deps.audit.record({
          actor,
          action: `${kind}.${action}`,
          target: { kind, id, name: String((view as Record<string, unknown>)[keyField]) },
          details: {
            [keyField]: (view as Record<string, unknown>)[keyField],
            fields: changed,
            ...(changed.includes(keyField) ? { previous: before[keyField] } : {}),
            ...(changed.includes('variants') ? { locales: localesOf(view.variants) } : {}),
          },
        });
      }
      return view;
    },
  };
}

/** Lean documents carry variant keywords etc. as plain arrays already; strip `undefined`s for comparison. */
function normalise(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

function localesOf(variants: readonly unknown[]): string[] {
  return variants.map((variant) => (variant as { locale: string }).locale);
}
