import type { Redis } from 'ioredis';
import type { conversationModels } from './conversation.model.js';

/** `SB-2026-000123`: prefix, year of creation, a counter that restarts every year. */
export function formatCaseNumber(year: number, value: number): string {
  return `SB-${year}-${String(value).padStart(6, '0')}`;
}

/** KEYS: the year's counter. The next number, or -1 when the counter is missing (to be recovered first). */
const NEXT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
return redis.call('INCR', KEYS[1])
`;
/** KEYS: the year's counter. ARGV: a floor. Raises the counter to the floor (never lowers it). */
const RAISE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1
`;

type Models = ReturnType<typeof conversationModels>;

/**
 * Case numbers from a per-year counter in Redis: one `INCR` per chat start,
 * no lock and no database write (every chat start of the deployment passes
 * through it). The database stays the record: a missing counter (a new
 * year, or a Redis that lost its data) is recovered from the highest case
 * number stored that year, and the unique index on conversations.caseNumber
 * refuses a number handed out twice (a counter restored from an old
 * snapshot): the caller then {@link CaseNumbers.heal}s the counter and takes another.
 */
export function createCaseNumbers(deps: { redis: Redis; prefix: string; models: Models }) {
  const { redis } = deps;
  const scripts = redis as unknown as {
    sbCaseNext(key: string): Promise<number>;
    sbCaseRaise(key: string, floor: number): Promise<number>;
  };
  if (!('sbCaseNext' in redis)) redis.defineCommand('sbCaseNext', { numberOfKeys: 1, lua: NEXT });
  if (!('sbCaseRaise' in redis)) redis.defineCommand('sbCaseRaise', { numberOfKeys: 1, lua: RAISE });
  const keyOf = (year: number) => `${deps.prefix}:case:${year}`;

  /** The highest number stored for `year`: the conversations' (and the counter document kept before the counter moved to Redis). */
  async function highestStored(year: number): Promise<number> {
    const prefix = `SB-${year}-`;
    // Read only on recovery: the numbers of the year, compared as numbers (a seventh digit sorts wrong as text).
    const [numbers, counter] = await Promise.all([
      deps.models.Conversation.find(
        { caseNumber: { $gte: prefix, $lt: `SB-${year}.` } },
        { caseNumber: 1, _id: 0 },
      ).lean(),
      deps.models.Counter.findById(`case:${year}`).lean(),
    ]);
    let highest = counter?.value ?? 0;
    for (const { caseNumber } of numbers) highest = Math.max(highest, Number(caseNumber.slice(prefix.length)) || 0);
    return highest;
  }

  return {
    async next(now: Date = new Date()): Promise<string> {
      const year = now.getUTCFullYear();
      for (;;) {
        const value = await scripts.sbCaseNext(keyOf(year));
        if (value > 0) return formatCaseNumber(year, value);
        await scripts.sbCaseRaise(keyOf(year), await highestStored(year));
      }
    },

    /** A number was refused as taken: moves the year's counter past every stored one. */
    async heal(now: Date = new Date()): Promise<void> {
      const year = now.getUTCFullYear();
      await scripts.sbCaseRaise(keyOf(year), await highestStored(year));
    },
  };
}

export type CaseNumbers = ReturnType<typeof createCaseNumbers>;
