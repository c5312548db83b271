import type { Redis } from 'ioredis';

/**
 * Reserves a file's bytes against its conversation's total, atomically: the
 * hash holds one field per file, so preparing the same upload again (a retry)
 * re-reserves the same field rather than counting it twice. A stored file's
 * field is its bytes; a reservation not yet stored is `bytes:until`, and
 * past `until` it counts for nothing and is dropped here (its upload can no
 * longer begin). Answers 1 when it fits, 0 when it does not.
 */
const RESERVE = `
local now = tonumber(ARGV[5])
local total = 0
local lapsed = {}
local values = redis.call('HGETALL', KEYS[1])
for i = 1, #values, 2 do
  if values[i] ~= ARGV[1] then
    local bytes, untilMs = string.match(values[i + 1], '^(%d+):(%d+)$')
    if untilMs == nil then
      total = total + tonumber(values[i + 1])
    elseif tonumber(untilMs) > now then
      total = total + tonumber(bytes)
    else
      lapsed[#lapsed + 1] = values[i]
    end
  end
end
if #lapsed > 0 then redis.call('HDEL', KEYS[1], unpack(lapsed)) end
if total + tonumber(ARGV[2]) > tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

/** Kept this long after the last upload; a conversation taking files longer than that is not a concern. */
const QUOTA_TTL_MS = 90 * 86_400_000;

/**
 * Bytes per conversation, so an anonymous visitor cannot fill the disk one
 * allowed file at a time. Counted in Redis at prepare time (before a byte is
 * sent) and corrected to the stored size once a file is ready; a refused,
 * failed, cut-off or cancelled upload gives its reservation back at once, one
 * never begun when its time is up, a file never sent when the retention job
 * removes it or its sender cancels it.
 */
export function createConversationQuota(redis: Redis, prefix: string) {
  const scripts = redis as unknown as {
    sbAttachmentReserve(
      key: string,
      file: string,
      bytes: number,
      limit: number,
      ttl: number,
      now: number,
      until: number,
    ): Promise<number>;
  };
  if (!('sbAttachmentReserve' in redis)) redis.defineCommand('sbAttachmentReserve', { numberOfKeys: 1, lua: RESERVE });
  const keyOf = (conversationId: string) => `${prefix}:attachments:bytes:${conversationId}`;
  return {
    /** Reserves `bytes` for a file until `until` (ms), unless the conversation would go past `limit`. */
    async reserve(
      conversationId: string,
      fileId: string,
      bytes: number,
      options: { limit: number; until: number; now?: number },
    ): Promise<boolean> {
      const { limit, until, now = Date.now() } = options;
      const key = keyOf(conversationId);
      return (await scripts.sbAttachmentReserve(key, fileId, bytes, limit, QUOTA_TTL_MS, now, until)) === 1;
    },
    /** The file is stored: it keeps its (actual) bytes for good. */
    async settle(conversationId: string, fileId: string, bytes: number): Promise<void> {
      await redis.hset(keyOf(conversationId), fileId, bytes);
    },
    async release(conversationId: string, fileId: string): Promise<void> {
      await redis.hdel(keyOf(conversationId), fileId);
    },
    /**
     * The sender gave the upload up: its room is free at once, and until `until` (when every
     * upload link for it has expired) the field says so, a reservation of no bytes that
     * {@link cancelled} tells apart (a real one is never of 0 bytes).
     */
    async cancel(conversationId: string, fileId: string, until: number): Promise<void> {
      const key = keyOf(conversationId);
      await redis.multi().hset(key, fileId, `0:${until}`).pexpire(key, QUOTA_TTL_MS).exec();
    },
    /** Whether the upload was given up and its links may still be within their time. */
    async cancelled(conversationId: string, fileId: string, now = Date.now()): Promise<boolean> {
      const value = await redis.hget(keyOf(conversationId), fileId);
      const until = value ? /^0:(\d+)$/.exec(value)?.[1] : undefined;
      return until !== undefined && Number(until) > now;
    },
  };
}

export type ConversationQuota = ReturnType<typeof createConversationQuota>;
