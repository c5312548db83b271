import {
  AppError,
  type AgentCreate,
  type AgentStatus,
  type AgentStatusUpdated,
  type AgentUpdate,
  type AgentView,
} from '@switchboard/shared';
import { isValidObjectId, Types, type UpdateQuery } from 'mongoose';
import { agentRoom, SUPERVISORS_ROOM } from '../auth/principal.js';
import type { Revocation } from '../auth/revocation.js';
import type { Logger } from '../infra/logger.js';
import type { SocketServer } from '../infra/socket-server.js';
import type { AgentModel, AgentRecord } from './agent.model.js';
import { insertAgent } from './agent-accounts.js';
import { createAgentQueries, type AgentQueries } from './agent-queries.js';
import { toAgentPrincipal, toAgentView } from './agent-view.js';
import { applyPrincipal, PRINCIPAL_CHANGED, type AssignedAmong } from './live-sockets.js';
import { hashPassword, verifyPassword } from './password.js';

/** A status change made by this process (routing listens to react to agents coming and going). */
export interface AgentStatusChange {
  agentId: string;
  status: AgentStatus;
  previous: AgentStatus;
}

/** An admin change made by this process (routing listens: more capacity or new departments mean work now). */
export interface AgentUpdated {
  agentId: string;
  fields: (keyof AgentUpdate)[];
}

/** Besides the accounts, the reads routing and supervision make ({@link AgentQueries}). */
export interface AgentsService extends AgentQueries {
  create(input: AgentCreate): Promise<AgentView>;
  findByEmail(email: string): Promise<AgentRecord | null>;
  /** Null for a malformed or unknown id. */
  getById(id: string): Promise<AgentRecord | null>;
  toView(record: AgentRecord): AgentView;
  /** getById + toView, for features that only show the agent (e.g. `session.ready`). */
  getView(id: string): Promise<AgentView | null>;
  list(): Promise<AgentView[]>;
  update(id: string, changes: AgentUpdate): Promise<AgentView>;
  deactivate(id: string): Promise<AgentView>;
  /** Sets a new password and ends every session of the agent. */
  resetPassword(id: string, password: string): Promise<void>;
  setStatus(id: string, status: AgentStatus): Promise<AgentView>;
  /** The active agent with these credentials, or null (same answer for unknown email and wrong password). */
  verifyCredentials(email: string, password: string): Promise<AgentRecord | null>;
  /**
   * Called after each status change made in this process, and awaited before
   * the change is answered (routing mirrors it first); returns an unsubscribe function.
   */
  onStatusChanged(listener: (change: AgentStatusChange) => void | Promise<void>): () => void;
  /** Called (and awaited) after each successful `update` made in this process; returns an unsubscribe function. */
  onUpdated(listener: (change: AgentUpdated) => void | Promise<void>): () => void;
  countByStatus(): Promise<Record<AgentStatus, number>>;
}

interface Dependencies {
  /** Which of these conversations are assigned to the agent (a demoted supervisor keeps only those rooms). */
  assignedAmong: AssignedAmong;
  model: AgentModel;
  sockets: SocketServer;
  revocation: Revocation;
  logger: Logger;
}

const notFound = () => new AppError('NOT_FOUND', 'No such agent.');
const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function createAgentsService({
  model,
  sockets,
  revocation,
  logger,
  assignedAmong,
}: Dependencies): AgentsService {
  const statusListeners = new Set<(change: AgentStatusChange) => void | Promise<void>>();
  const updateListeners = new Set<(change: AgentUpdated) => void | Promise<void>>();
  /** Runs every listener in turn; one that fails is logged and does not stop the others. */
  async function notify<T>(listeners: Set<(change: T) => void | Promise<void>>, change: T, what: string) {
    for (const listener of listeners) {
      try {
        await listener(change);
      } catch (error) {
        logger.error({ err: error, change }, `${what} listener failed`);
      }
    }
  }
  const namespace = () => sockets.namespace('agent');

  const getById = async (id: string) => (isValidObjectId(id) ? model.findById(id).lean<AgentRecord>() : null);

  /** Refuses changes that would leave no active admin to administer the deployment. */
  const keepOneAdmin = async (id: string, changes: AgentUpdate) => {
    const losesAdmin = changes.active === false || (changes.role !== undefined && changes.role !== 'admin');
    if (!losesAdmin) return;
    const others = await model.countDocuments({ role: 'admin', active: true, _id: { $ne: new Types.ObjectId(id) } });
    if (others > 0) return;
    const target = await getById(id);
    if (target?.role === 'admin' && target.active) {
      throw new AppError('CONFLICT', 'This is the last active admin; make another admin first.');
    }
  };

  const publishStatus = async (record: AgentRecord, previous: AgentStatus) => {
    const agentId = record._id.toHexString();
    const payload: AgentStatusUpdated = { agentId, status: record.status };
    namespace().to(SUPERVISORS_ROOM).to(agentRoom(agentId)).emit('agent.status.updated', payload);
    await notify(statusListeners, { agentId, status: record.status, previous } satisfies AgentStatusChange, 'status');
  };

  const service: AgentsService = {
    ...createAgentQueries(model),
    async create(input) {
      return toAgentView(await insertAgent(model, input));
    },

    findByEmail: (email) => model.findOne({ email: normalizeEmail(email) }).lean<AgentRecord>(),
    getById,
    toView: toAgentView,
    async getView(id) {
      const record = await getById(id);
      return record ? toAgentView(record) : null;
    },

    async list() {
      const records = await model.find({}).sort({ displayName: 1 }).lean<AgentRecord[]>();
      return records.map(toAgentView);
    },

    async update(id, changes) {
      if (!isValidObjectId(id)) throw notFound();
      await keepOneAdmin(id, changes);
      const set: Record<string, unknown> = {};
      if (changes.displayName !== undefined) set.displayName = changes.displayName;
      if (changes.avatarUrl !== undefined) set.avatarUrl = changes.avatarUrl;
      if (changes.role !== undefined) set.role = changes.role;
      if (changes.capacity !== undefined) set.capacity = changes.capacity;
      if (changes.languages !== undefined) set.languages = changes.languages;
      if (changes.departmentIds !== undefined)
        set.departmentIds = changes.departmentIds.map((value) => new Types.ObjectId(value));
      if (changes.active !== undefined) set.active = changes.active;
      const update: UpdateQuery<AgentRecord> = { $set: set };
      // Deactivation ends every session: bump the epoch in the same atomic write.
      if (changes.active === false) update.$inc = { sessionEpoch: 1 };
      const before = await model.findOneAndUpdate({ _id: id }, update).lean<AgentRecord>();
      if (!before) throw notFound();
      if (changes.active === false) {
        await revocation.endAgent(id, 'deactivated');
        if (before.status !== 'offline') await service.setStatus(id, 'offline');
      }
      const after = await getById(id);
      if (!after) throw notFound();
      if (after.active) {
        // Every process updates its own sockets; serverSideEmit skips the sender, so apply here too.
        await applyPrincipal(namespace(), toAgentPrincipal(after), assignedAmong);
        namespace().serverSideEmit(PRINCIPAL_CHANGED, id);
      }
      logger.info({ agentId: id, fields: Object.keys(changes) }, 'agent updated');
      await notify(updateListeners, { agentId: id, fields: Object.keys(changes) as AgentUpdated['fields'] }, 'update');
      return toAgentView(after);
    },

    deactivate: (id) => service.update(id, { active: false }),

    async resetPassword(id, password) {
      if (!isValidObjectId(id)) throw notFound();
      const passwordHash = await hashPassword(password);
      const updated = await model.findOneAndUpdate({ _id: id }, { $set: { passwordHash }, $inc: { sessionEpoch: 1 } });
      if (!updated) throw notFound();
      await revocation.endAgent(id, 'signed-out');
      logger.info({ agentId: id }, 'agent password reset');
    },

    async setStatus(id, status) {
      if (!isValidObjectId(id)) throw notFound();
      // Conditional on the status differing (atomic on one document), so only a real change is broadcast and reported.
      const before = await model
        .findOneAndUpdate({ _id: id, status: { $ne: status } }, { $set: { status } })
        .lean<AgentRecord>();
      const after = await getById(id);
      if (!after) throw notFound();
      if (before) await publishStatus(after, before.status);
      return toAgentView(after);
    },

    async verifyCredentials(email, password) {
      const record = await service.findByEmail(email);
      const valid = await verifyPassword(record?.passwordHash, password);
      return valid && record?.active ? record : null;
    },

    onStatusChanged(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },

    onUpdated(listener) {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },

    async countByStatus() {
      const counts: Record<AgentStatus, number> = { online: 0, away: 0, offline: 0 };
      const rows = await model.aggregate<{ _id: AgentStatus; count: number }>([
        { $match: { active: true } },
        { $group: { _id: '$status', count: { $sum: 1 } } },
      ]);
      for (const row of rows) if (Object.hasOwn(counts, row._id)) counts[row._id] = row.count;
      return counts;
    },
  };
  return service;
}
