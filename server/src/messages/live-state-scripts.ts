/**
 * The Lua scripts behind live-state.ts. Each runs atomically in Redis, so a
 * decision and the write it leads to cannot be split by another process.
 *
 * Keys: `state` is the conversation's hash, `seq` its message counter.
 * Hash fields: rev, status, customer, agent, dept, offline, name, idle
 * (mirrored from the document), turn ('customer' | 'agent': the side of the
 * last customer or agent message), visibleSeq (the seq of that message) and
 * customerSeq and agentSeq (the seq of the last customer, and agent, message)
 * and answered ('1' once an agent has written to the customer).
 */

/**
 * KEYS: state, seq, rate limit. ARGV: side, actor id, writes anywhere
 * ('1'), internal ('1'), allow closed ('1'), rate points (0: no limit), rate
 * window ms, then optionally a state change to mirror first (as PUBLISH
 * takes it: rev, ttl, seq ttl, turn, field/value pairs; rev '' for none),
 * so a change and the system line announcing it cost one call.
 * Checks in the order the protocol promises: who may write here
 * (a stranger learns nothing, not even that the chat ended), the chat still
 * open, the sender's rate; then takes the seq. Answers
 * `{'ok', seq, rev, status, customer, agent, dept, offline, name, turn, visibleSeq, customerSeq, idle, answered, agentSeq, clearedIdle}`
 * with the state as it was before this message, or one refusal word.
 */
const ADMIT = `
if ARGV[8] and ARGV[8] ~= '' then
  local stored = redis.call('HGET', KEYS[1], 'rev')
  if not stored or tonumber(stored) < tonumber(ARGV[8]) then
    redis.call('HSET', KEYS[1], 'rev', ARGV[8], unpack(ARGV, 12))
    if not stored then redis.call('HSET', KEYS[1], 'turn', ARGV[11], 'visibleSeq', '0', 'customerSeq', '0', 'agentSeq', '0') end
    redis.call('EXPIRE', KEYS[1], ARGV[9])
  end
  if tonumber(ARGV[10]) > 0 then redis.call('EXPIRE', KEYS[2], ARGV[10]) end
end
local s = redis.call('HMGET', KEYS[1], 'rev', 'status', 'customer', 'agent', 'dept', 'offline', 'name', 'turn', 'visibleSeq', 'customerSeq', 'idle', 'answered', 'agentSeq')
if not s[2] or redis.call('EXISTS', KEYS[2]) == 0 then return {'missing'} end
local side, actor = ARGV[1], ARGV[2]
if side == 'customer' then
  if s[3] ~= actor then return {'not-found'} end
elseif side == 'agent' then
  if s[4] ~= actor and ARGV[3] ~= '1' then return {'forbidden'} end
end
if s[2] == 'closed' and ARGV[5] ~= '1' then return {'closed'} end
local points = tonumber(ARGV[6])
if points > 0 then
  local used = redis.call('INCR', KEYS[3])
  if used == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[7]) end
  if used > points then
    local ttl = redis.call('PTTL', KEYS[3])
    if ttl < 0 then
      redis.call('PEXPIRE', KEYS[3], ARGV[7])
      ttl = tonumber(ARGV[7])
    end
    return {'rate-limited', ttl}
  end
end
local seq = redis.call('INCR', KEYS[2])
local cleared = ''
if ARGV[4] ~= '1' and (side == 'customer' or side == 'agent') then
  local fields = {'turn', side, 'visibleSeq', seq}
  fields[#fields + 1] = side .. 'Seq'
  fields[#fields + 1] = seq
  if side == 'agent' and s[12] ~= '1' then
    fields[#fields + 1] = 'answered'
    fields[#fields + 1] = '1'
  end
  local idle = s[11] or ''
  if (side == 'customer' and idle == 'customer-silent') or (side == 'agent' and idle == 'agent-unanswered') then
    fields[#fields + 1] = 'idle'
    fields[#fields + 1] = ''
    cleared = idle
  end
  redis.call('HSET', KEYS[1], unpack(fields))
end
return {'ok', seq, s[1] or '0', s[2], s[3] or '', s[4] or '', s[5] or '', s[6] or '0', s[7] or '', s[8] or '', s[9] or '0', s[10] or '0', s[11] or '', s[12] or '0', s[13] or '0', cleared}
`;

/**
 * KEYS: state, seq. ARGV: rev, ttl seconds, seq floor, turn, then field/value
 * pairs. Loads the mirror from the document unless a newer revision is there
 * already (a state change published meanwhile); a mirror created here keeps
 * the document's turn, one that exists keeps its own (newer than the
 * document's, which is written behind). The counter never goes below the
 * floor (the highest seq stored).
 */
const POPULATE = `
local stored = redis.call('HGET', KEYS[1], 'rev')
if not stored or tonumber(stored) < tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'rev', ARGV[1], unpack(ARGV, 5))
  if not stored then
    redis.call('HSET', KEYS[1], 'turn', ARGV[4], 'visibleSeq', ARGV[3], 'customerSeq', ARGV[3], 'agentSeq', ARGV[3])
  end
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
local current = tonumber(redis.call('GET', KEYS[2]) or '-1')
if current < tonumber(ARGV[3]) then redis.call('SET', KEYS[2], ARGV[3]) end
return 1
`;

/**
 * KEYS: state, seq. ARGV: rev, ttl seconds, seq ttl seconds (0: keep),
 * turn, then field/value pairs. Mirrors a stored state change unless the
 * mirror holds this revision or a later one. A missing mirror is created,
 * so that a load that read the document before this change can no longer
 * put the older state back.
 */
const PUBLISH = `
local stored = redis.call('HGET', KEYS[1], 'rev')
if not stored or tonumber(stored) < tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'rev', ARGV[1], unpack(ARGV, 5))
  if not stored then
    redis.call('HSET', KEYS[1], 'turn', ARGV[4], 'visibleSeq', '0', 'customerSeq', '0', 'agentSeq', '0')
  end
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
if tonumber(ARGV[3]) > 0 then redis.call('EXPIRE', KEYS[2], ARGV[3]) end
return 1
`;

/** KEYS: seq. ARGV: floor. Raises the counter to the floor (never lowers it). */
const RAISE_SEQ = `
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1
`;

/** KEYS: state. ARGV: reason, rev, visibleSeq. Sets the idle flag if nothing moved since they were read. */
const FLAG_IDLE = `
local s = redis.call('HMGET', KEYS[1], 'status', 'rev', 'visibleSeq')
if s[1] ~= 'active' or s[2] ~= ARGV[2] or (s[3] or '0') ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[1], 'idle', ARGV[1])
return 1
`;

/** KEYS: state. ARGV: reason. Clears the idle flag if it has this reason. */
const CLEAR_IDLE = `
if redis.call('HGET', KEYS[1], 'idle') == ARGV[1] then redis.call('HSET', KEYS[1], 'idle', '') end
return 1
`;

export const LIVE_STATE_SCRIPTS = {
  sbLiveAdmit: { keys: 3, source: ADMIT },
  sbLivePopulate: { keys: 2, source: POPULATE },
  sbLivePublish: { keys: 2, source: PUBLISH },
  sbLiveRaiseSeq: { keys: 1, source: RAISE_SEQ },
  sbLiveFlagIdle: { keys: 1, source: FLAG_IDLE },
  sbLiveClearIdle: { keys: 1, source: CLEAR_IDLE },
} as const;
