/**
 * The Lua scripts behind routing-state.ts. Each runs atomically in Redis:
 * choosing an agent and reserving their slot, or taking a chat out of its
 * queue, cannot be split by another process. Keys are built inside the
 * scripts from the prefix (ARGV[1]); Switchboard does not run on Redis Cluster.
 *
 * Keys under the prefix P:
 * - `P q:<queue>`     ZSET waiting chats, score = routing order (priority first, then time queued)
 * - `P ql:<queue>`    HASH chat → "language|queuedAt ms|agent to avoid (or empty)"
 * - `P off:<queue>`   ZSET messages left offline in the queue, waiting for a pickup → queuedAt ms
 *                     (never routed: counted for supervisors)
 * - `P pool:<queue>`  SET agents who serve the queue and are online
 * - `P a:<agent>`     HASH status, cap (effective capacity), langs (",fr,en,"), last (ms of last assignment),
 *                     name, avatar, queues (","-separated)
 * - `P act:<agent>`   ZSET the agent's active chats → when they were counted
 * - `P pend:<agent>`  ZSET chats reserved for the agent whose assignment is being written → when
 * - `P rel:<agent>`   ZSET chats that left the agent (closed, transferred) → when, for two minutes: a
 *                     commit or a sweep that read the database before the release must not count them again
 * - `P built`         set once the state was built from the database (absent after Redis lost its data)
 *
 * An agent's load is |act| + |pend|: a reservation counts from the moment it
 * is made until it is committed (moved to act) or cancelled, so no two
 * claims can both take an agent's last slot.
 */

/** How long a released chat is remembered: longer than a sweep's read of the database takes. */
const RELEASED_KEPT_MS = 120_000;

/** Agents of `pool` with their load, as Lua tables; shared by the claim and the pool figures. */
const LOAD_POOL = `
local function loadPool(P, poolKey)
  local agents = {}
  for _, id in ipairs(redis.call('SMEMBERS', poolKey)) do
    local a = redis.call('HMGET', P .. 'a:' .. id, 'status', 'cap', 'langs', 'last', 'name', 'avatar')
    if a[1] == 'online' then
      local load = redis.call('ZCARD', P .. 'act:' .. id) + redis.call('ZCARD', P .. 'pend:' .. id)
      agents[#agents + 1] = {
        id = id, cap = tonumber(a[2] or '0'), langs = a[3] or ',', last = tonumber(a[4] or '0'),
        name = a[5] or '', avatar = a[6] or '', load = load,
      }
    end
  end
  return agents
end
`;

/**
 * ARGV: prefix, queue, now ms, strategy ('least-loaded' | 'round-robin'),
 * language fallback seconds (-1: never), most chats to take, most to look at.
 * Walks the queue oldest first and gives each chat the best agent with room
 * (least-loaded: fewest chats, then longest since their last one;
 * round-robin: longest since their last one), preferring one who speaks the
 * chat's language, anyone once the chat has waited past the fallback, and
 * never the agent it was requeued from. Each chosen chat leaves the queue
 * and is reserved on its agent.
 * Answers {'rebuild'} when the state is not built, else
 * {'ok', retry ms (-1: none), then per chat: chat, agent, name, avatar, info, previous last, score}.
 */
const CLAIM = `${LOAD_POOL}
local P, queue, now, strategy = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local fallback, most, look = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
if redis.call('EXISTS', P .. 'built') == 0 then return {'rebuild'} end
-- Most passes find the queue empty (a burst of starts kicks a pass each): that is one
-- command, not a read of every agent of the pool.
local waiting = redis.call('ZRANGE', P .. 'q:' .. queue, 0, look - 1)
if #waiting == 0 then return {'ok', -1} end
local agents = loadPool(P, P .. 'pool:' .. queue)
local function better(a, b)
  if not b then return true end
  if strategy ~= 'round-robin' and a.load ~= b.load then return a.load < b.load end
  if a.last ~= b.last then return a.last < b.last end
  return a.id < b.id
end
local out = {'ok', -1}
local retry = -1
local taken = 0
for _, chat in ipairs(waiting) do
  if taken >= most then break end
  local room = false
  for _, a in ipairs(agents) do
    if a.load < a.cap then room = true break end
  end
  if not room then break end
  local info = redis.call('HGET', P .. 'ql:' .. queue, chat) or '|0|'
  local lang, queuedAt, avoid = string.match(info, '^([^|]*)|(%d+)|?([^|]*)$')
  local speaker, anyone = nil, nil
  for _, a in ipairs(agents) do
    if a.load < a.cap and a.id ~= avoid then
      if better(a, anyone) then anyone = a end
      if string.find(a.langs, ',' .. (lang or '') .. ',', 1, true) and better(a, speaker) then speaker = a end
    end
  end
  local chosen = speaker
  if not chosen and anyone and fallback >= 0 then
    local waitedMs = now - tonumber(queuedAt or '0')
    if waitedMs >= fallback * 1000 then
      chosen = anyone
    elseif retry < 0 or fallback * 1000 - waitedMs < retry then
      retry = fallback * 1000 - waitedMs
    end
  end
  if chosen then
    local score = redis.call('ZSCORE', P .. 'q:' .. queue, chat)
    redis.call('ZREM', P .. 'q:' .. queue, chat)
    redis.call('HDEL', P .. 'ql:' .. queue, chat)
    redis.call('ZADD', P .. 'pend:' .. chosen.id, now, chat)
    local previous = chosen.last
    chosen.load = chosen.load + 1
    -- Distinct times within one claim keep the rotation in the order the chats were given.
    chosen.last = now + taken
    redis.call('HSET', P .. 'a:' .. chosen.id, 'last', chosen.last)
    out[#out + 1] = chat
    out[#out + 1] = chosen.id
    out[#out + 1] = chosen.name
    out[#out + 1] = chosen.avatar
    out[#out + 1] = info
    out[#out + 1] = previous
    out[#out + 1] = score
    taken = taken + 1
  end
end
out[2] = retry
return out
`;

/**
 * ARGV: prefix, agent, chat, now ms, need ('online': routing's rule; 'present':
 * not offline, for a manual pickup), queue ('' when the chat is in none).
 * Reserves one slot of this agent for this chat (a pickup, a transfer to
 * them) and takes the chat out of its queue. Answers 'ok', 'rebuild',
 * 'agent-unavailable' or 'agent-full'; with 'ok', the agent's previous last.
 */
const CLAIM_ONE = `
local P, agent, chat, now, need, queue = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6]
if redis.call('EXISTS', P .. 'built') == 0 then return {'rebuild'} end
local a = redis.call('HMGET', P .. 'a:' .. agent, 'status', 'cap', 'last')
if not a[1] or a[1] == 'offline' or (need == 'online' and a[1] ~= 'online') then return {'agent-unavailable'} end
local load = redis.call('ZCARD', P .. 'act:' .. agent) + redis.call('ZCARD', P .. 'pend:' .. agent)
if load >= tonumber(a[2] or '0') then return {'agent-full'} end
if queue ~= '' then
  redis.call('ZREM', P .. 'q:' .. queue, chat)
  redis.call('HDEL', P .. 'ql:' .. queue, chat)
  redis.call('ZREM', P .. 'off:' .. queue, chat)
end
redis.call('ZADD', P .. 'pend:' .. agent, now, chat)
redis.call('HSET', P .. 'a:' .. agent, 'last', now)
return {'ok', a[3] or '0'}
`;

/**
 * ARGV: prefix, agent, chat, now ms, reserved ('1': the slot was reserved by a
 * claim; '0': the chat was given outside routing). The assignment was stored:
 * the reservation becomes an active chat, unless it is gone: the chat left
 * the agent (closed, transferred) between its assignment and this commit,
 * and counting it now would hold a slot for a chat that no longer exists
 * (a reservation a sweep dropped as stale is not counted either; the next
 * sweep counts its chat from the database). Answers {load, cap}.
 */
const COMMIT = `
local P, agent, chat, now, reserved = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('ZREM', P .. 'pend:' .. agent, chat) == 1 or reserved == '0' then
  redis.call('ZADD', P .. 'act:' .. agent, now, chat)
end
return {redis.call('ZCARD', P .. 'act:' .. agent) + redis.call('ZCARD', P .. 'pend:' .. agent),
  tonumber(redis.call('HGET', P .. 'a:' .. agent, 'cap') or '0')}
`;

/**
 * ARGV: prefix, agent, chat, previous last ('' keeps it), queue ('' : do not
 * requeue), score, info. The assignment was not stored: the slot goes back
 * (and the agent's place in the rotation, if given); the chat goes back to
 * its queue when it is still waiting there (a failed write, not a lost race).
 */
const CANCEL = `
local P, agent, chat, previous, queue = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
redis.call('ZREM', P .. 'pend:' .. agent, chat)
if previous ~= '' then redis.call('HSET', P .. 'a:' .. agent, 'last', previous) end
if queue ~= '' then
  redis.call('ZADD', P .. 'q:' .. queue, ARGV[6], chat)
  redis.call('HSET', P .. 'ql:' .. queue, chat, ARGV[7])
end
return 1
`;

/**
 * ARGV: prefix, agent, chat, now ms. The chat left the agent (closed,
 * transferred, requeued): out of their count, and remembered for a while
 * (see `rel:` above). Answers {load, cap}.
 */
const RELEASE = `
local P, agent, chat, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
redis.call('ZREM', P .. 'act:' .. agent, chat)
redis.call('ZREM', P .. 'pend:' .. agent, chat)
redis.call('ZADD', P .. 'rel:' .. agent, now, chat)
redis.call('ZREMRANGEBYSCORE', P .. 'rel:' .. agent, '-inf', now - ${RELEASED_KEPT_MS})
return {redis.call('ZCARD', P .. 'act:' .. agent) + redis.call('ZCARD', P .. 'pend:' .. agent),
  tonumber(redis.call('HGET', P .. 'a:' .. agent, 'cap') or '0')}
`;

/**
 * ARGV: prefix, agent, status, cap, langs, name, avatar, last ('' keeps the
 * stored one), queues (","-separated). Stores the agent as routing sees them
 * and puts them in (online) or out of the pools of the queues they serve,
 * out of those they no longer serve.
 */
const PUT_AGENT = `
local P, agent, status = ARGV[1], ARGV[2], ARGV[3]
local key = P .. 'a:' .. agent
local before = redis.call('HGET', key, 'queues') or ''
redis.call('HSET', key, 'status', status, 'cap', ARGV[4], 'langs', ARGV[5], 'name', ARGV[6], 'avatar', ARGV[7],
  'queues', ARGV[9])
if ARGV[8] ~= '' and not redis.call('HGET', key, 'last') then redis.call('HSET', key, 'last', ARGV[8]) end
local now = {}
for queue in string.gmatch(ARGV[9], '[^,]+') do
  now[queue] = true
  if status == 'online' then redis.call('SADD', P .. 'pool:' .. queue, agent)
  else redis.call('SREM', P .. 'pool:' .. queue, agent) end
end
for queue in string.gmatch(before, '[^,]+') do
  if not now[queue] then redis.call('SREM', P .. 'pool:' .. queue, agent) end
end
return 1
`;

/**
 * ARGV: prefix, queue, then per chat: chat, score, info. Puts waiting chats
 * in the queue at the place the database gives them (a chat already there
 * moves to it: a requeue or a transfer puts it at the front).
 */
const ENQUEUE = `
local P, queue = ARGV[1], ARGV[2]
for i = 3, #ARGV, 3 do
  redis.call('ZADD', P .. 'q:' .. queue, ARGV[i + 1], ARGV[i])
  redis.call('HSET', P .. 'ql:' .. queue, ARGV[i], ARGV[i + 2])
end
return 1
`;

/** ARGV: prefix, queue, chat. The chat no longer waits (closed, left a message instead, assigned). */
const DEQUEUE = `
redis.call('ZREM', ARGV[1] .. 'q:' .. ARGV[2], ARGV[3])
redis.call('HDEL', ARGV[1] .. 'ql:' .. ARGV[2], ARGV[3])
redis.call('ZREM', ARGV[1] .. 'off:' .. ARGV[2], ARGV[3])
return 1
`;

/**
 * ARGV: prefix, agent, read started ms, stale reservation ms, then the
 * agent's active chats as the database had them when the read started.
 * Repairs the agent's count from the truth: an active chat missing is
 * added, unless it left the agent after the read started (the database
 * said active, then the chat closed: adding it back would hold a slot for a
 * closed chat until the next sweep); one counted before the read started
 * that the database no longer has active with the agent is removed (one
 * counted later may be newer than the read, and stays); a reservation
 * older than the stale limit belonged to a process that died before
 * finishing it, and goes (its chat, if it was assigned, is in the
 * database's list). Answers the number of changes.
 */
const RECONCILE_AGENT = `
local P, agent, readAt, staleAt = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local act, pend = P .. 'act:' .. agent, P .. 'pend:' .. agent
local truth = {}
for i = 5, #ARGV do truth[ARGV[i]] = true end
local changes = 0
local counted = redis.call('ZRANGE', act, 0, -1, 'WITHSCORES')
for i = 1, #counted, 2 do
  if not truth[counted[i]] and tonumber(counted[i + 1]) < readAt then
    redis.call('ZREM', act, counted[i])
    changes = changes + 1
  end
end
local released = P .. 'rel:' .. agent
for i = 5, #ARGV do
  local left = tonumber(redis.call('ZSCORE', released, ARGV[i]) or '-1')
  if left < readAt then changes = changes + redis.call('ZADD', act, 'NX', readAt, ARGV[i]) end
end
changes = changes + redis.call('ZREMRANGEBYSCORE', pend, '-inf', staleAt)
return changes
`;

/**
 * ARGV: prefix, queue, agent to leave out ('' or absent: none; the agent
 * handing a chat over, whom routing will not give it back to). Answers
 * {agents online, free slots, total slots, agents with room} of the queue's pool.
 */
const POOL = `${LOAD_POOL}
local agents = loadPool(ARGV[1], ARGV[1] .. 'pool:' .. ARGV[2])
local skip = ARGV[3] or ''
local online, free, total, withRoom = 0, 0, 0, 0
for _, a in ipairs(agents) do
  if a.id ~= skip then
    online = online + 1
    total = total + a.cap
    if a.cap > a.load then
      free = free + a.cap - a.load
      withRoom = withRoom + 1
    end
  end
end
return {online, free, total, withRoom}
`;

export const ROUTING_SCRIPTS = {
  sbRouteClaim: CLAIM,
  sbRouteClaimOne: CLAIM_ONE,
  sbRouteCommit: COMMIT,
  sbRouteCancel: CANCEL,
  sbRouteRelease: RELEASE,
  sbRoutePutAgent: PUT_AGENT,
  sbRouteEnqueue: ENQUEUE,
  sbRouteDequeue: DEQUEUE,
  sbRouteReconcileAgent: RECONCILE_AGENT,
  sbRoutePool: POOL,
} as const;
