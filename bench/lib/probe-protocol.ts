/** Messages between the harness and bench/lib/probe.ts inside a measured process (IPC). */
export type ProbeRequest =
  { probe: 'mem' } | { probe: 'db' } | { probe: 'db-reset' } | { probe: 'redis' } | { probe: 'redis-reset' };

export interface MemReply {
  probe: 'mem';
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** False when the process was started without --expose-gc (figures then include garbage). */
  collected: boolean;
}

export interface DbReply {
  probe: 'db';
  /** Commands that finished since the last reset. */
  commands: number;
  /** Sum of every command's duration (driver-measured, request sent → reply parsed). */
  totalMs: number;
  /** Wall time during which at least one command was outstanding. */
  busyMs: number;
  byName: Record<string, { count: number; totalMs: number }>;
  /** The same per command and collection (`find conversations`): where a path's commands go. */
  byTarget: Record<string, { count: number; totalMs: number }>;
  monitoring: boolean;
}

/** Redis commands this process sent (ioredis, every connection: its own, BullMQ's, the adapter's), by name. */
export interface RedisReply {
  probe: 'redis';
  byName: Record<string, number>;
  watching: boolean;
}

export type ProbeReply = MemReply | DbReply | RedisReply | { probe: 'db-reset' } | { probe: 'redis-reset' };
