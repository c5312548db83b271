import type { AuditEntryView, AuditQuery } from '@switchboard/shared';
import type { QueryFilter } from 'mongoose';
import type { AgentPrincipal } from '../auth/principal.js';
import type { Logger } from '../infra/logger.js';
import type { AuditModel, AuditRecord } from './audit.model.js';

/** Switchboard itself, for what it does on its own (an endpoint turned off after failing). */
export const SYSTEM_ACTOR = 'system';

export interface AuditInput {
  actor: AgentPrincipal | typeof SYSTEM_ACTOR;
  action: string;
  /** `name`: the target's name now (entries keep it; names change later). */
  target: { kind: string; id: string; name?: string };
  details?: Record<string, unknown>;
}

/** The audit log of supervisor and admin actions (idle-chat fixes, administration): who, what, when. */
export function createAuditService(deps: { model: AuditModel; logger: Logger }) {
  const { model } = deps;

  const toView = (record: AuditRecord): AuditEntryView => ({
    id: record._id.toHexString(),
    at: record.at.toISOString(),
    actor: record.actor,
    action: record.action,
    target: {
      kind: record.target.kind,
      id: record.target.id,
      ...(record.target.name ? { name: record.target.name } : {}),
    },
    details: record.details,
  });

  return {
    model,
    /**
     * Records an action that has already happened. Awaited by callers so the
     * entry exists when they answer; a failure is logged with the whole entry
     * rather than undoing an action the customer may already have seen.
     */
    async record(input: AuditInput): Promise<void> {
      const entry = {
        at: new Date(),
        actor:
          input.actor === SYSTEM_ACTOR
            ? { id: SYSTEM_ACTOR, name: 'Switchboard', role: SYSTEM_ACTOR }
            : {
                id: input.actor.id,
                name: input.actor.displayName,
                role: input.actor.apiTokenId ? 'api-token' : input.actor.role,
              },
        action: input.action,
        target: input.target,
        details: input.details ?? {},
      };
      await model
        .create(entry)
        .catch((error: unknown) => deps.logger.error({ err: error, entry }, 'audit write failed'));
    },

    /** Newest first; `before` continues from the last entry of the previous page. */
    async list(query: AuditQuery): Promise<AuditEntryView[]> {
      const filter: QueryFilter<AuditRecord> = {};
      if (query.actorId) filter['actor.id'] = query.actorId;
      if (query.action) filter.action = query.action;
      if (query.targetId) filter['target.id'] = query.targetId;
      if (query.from || query.to) {
        filter.at = {
          ...(query.from ? { $gte: new Date(query.from) } : {}),
          ...(query.to ? { $lt: new Date(query.to) } : {}),
        };
      }
      if (query.before) filter._id = { $lt: query.before };
      const records = (await model.find(filter).sort({ _id: -1 }).limit(query.limit).lean()) as AuditRecord[];
      return records.map(toView);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
