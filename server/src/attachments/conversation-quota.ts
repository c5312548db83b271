import type { Redis } from 'ioredis';

/**
 * Reserves a file's bytes against its conversation's total, atomically: the
 * hash holds one field per file (its bytes), so preparing the same upload
 * again (a retry) re-reserves the same field rather than counting it twice.
 * Answers 1 when it fits, 0 when it does not.
 */
const RESERVE = `
local total = 0
local values = redis.call('HGETALL', KEYS[1])
for i = 1, #values, 2 do
  if values[i] ~= ARGV[1] then total = total + tonumber(values[i + 1]) end
end
if total + tonumber(ARGV[2]) > tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

/** Kept this long after the last upload; a conversation taking files longer than that is not a concern. */
const QUOTA_TTL_MS = 90 * 86_400_000;

/**
 * Bytes per conversation, so an anonymous visitor cannot fill the disk one
 * allowed file at a time. Counted in Redis at prepare time (before a byte is
 * sent) and corrected to the stored size once a file is ready; a refused or
 * failed upload gives its reservation back.
 */
export function createConversationQuota(redis: Redis, prefix: string) {
  const scripts = redis as unknown as {
    sbAttachmentReserve(key: string, file: string, bytes: number, limit: number, ttl: number): Promise<number>;
  };
  if (!('sbAttachmentReserve' in redis)) redis.defineCommand('sbAttachmentReserve', { numberOfKeys: 1, lua: RESERVE });
  const keyOf = (conversationId: string) => `${prefix}:attachments:bytes:${conversationId}`;
  return {
    async reserve(conversationId: string, fileId: string, bytes: number, limit: number): Promise<boolean> {
      return (await scripts.sbAttachmentReserve(keyOf(conversationId), fileId, bytes, limit, QUOTA_TTL_MS)) === 1;
    },
    async settle(conversationId: string, fileId: string, bytes: number): Promise<void> {
      await redis.hset(keyOf(conversationId), fileId, bytes);
    },
    async release(conversationId: string, fileId: string): Promise<void> {
      await redis.hdel(keyOf(conversationId), fileId);
    },
  };
}

export type ConversationQuota = ReturnType<typeof createConversationQuota>;
