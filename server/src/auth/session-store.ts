import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** A signed-in agent's session as kept in Redis under the hash of its id (the id itself lives only in the cookie). */
export interface AgentSessionRecord {
  agentId: string;
  csrfToken: string;
  /** The agent's `sessionEpoch` at sign-in; a bumped epoch revokes the session. */
  epoch: number;
  createdAt: number;
  expiresAt: number;
}

export interface LoadedSession extends AgentSessionRecord {
  /** `sha256(id)`: the Redis key suffix, also usable as a room name (never the secret id). */
  key: string;
}

const recordSchema = z.object({
  agentId: z.string(),
  csrfToken: z.string(),
  epoch: z.number(),
  createdAt: z.number(),
  expiresAt: z.number(),
});

export interface SessionStoreOptions {
  redis: Redis;
  prefix: string;
  idleMs: number;
  maxAgeMs: number;
  now?: () => number;
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export interface SessionStore {
  create(agentId: string, epoch: number): Promise<{ id: string; session: LoadedSession }>;
  /** Loads a session and slides its idle expiry; null when unknown, expired or malformed. */
  touch(id: string): Promise<LoadedSession | null>;
  /** Like touch, by key (for sockets, which keep the key, not the id). */
  touchByKey(key: string): Promise<LoadedSession | null>;
  destroy(key: string, agentId: string): Promise<void>;
  destroyAll(agentId: string): Promise<void>;
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { redis, prefix, idleMs, maxAgeMs } = options;
  const now = options.now ?? Date.now;
  const sessionKey = (key: string) => `${prefix}:session:${key}`;
  const agentSetKey = (agentId: string) => `${prefix}:agent-sessions:${agentId}`;

  const touchByKey = async (key: string): Promise<LoadedSession | null> => {
    const raw = await redis.get(sessionKey(key));
    if (raw === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return null;
    }
    const record = recordSchema.safeParse(parsed);
    if (!record.success) return null;
    const remaining = record.data.expiresAt - now();
    if (remaining <= 0) {
      await redis.del(sessionKey(key));
      return null;
    }
    // PEXPIRE never recreates a key, so a session deleted since the GET stays deleted.
    await redis.pexpire(sessionKey(key), Math.min(idleMs, remaining));
    return { ...record.data, key };
  };

  return {
    async create(agentId, epoch) {
      const id = randomBytes(32).toString('base64url');
      const key = hashSessionId(id);
      const createdAt = now();
      const record: AgentSessionRecord = {
        agentId,
        csrfToken: randomBytes(32).toString('base64url'),
        epoch,
        createdAt,
        expiresAt: createdAt + maxAgeMs,
      };
      await redis
        .multi()
        .set(sessionKey(key), JSON.stringify(record), 'PX', Math.min(idleMs, maxAgeMs))
        .sadd(agentSetKey(agentId), key)
        .pexpire(agentSetKey(agentId), maxAgeMs)
        .exec();
      return { id, session: { ...record, key } };
    },
    touch: (id) => touchByKey(hashSessionId(id)),
    touchByKey,
    async destroy(key, agentId) {
      await redis.multi().del(sessionKey(key)).srem(agentSetKey(agentId), key).exec();
    },
    async destroyAll(agentId) {
      const keys = await redis.smembers(agentSetKey(agentId));
      const multi = redis.multi();
      for (const key of keys) multi.del(sessionKey(key));
      await multi.del(agentSetKey(agentId)).exec();
    },
  };
}
