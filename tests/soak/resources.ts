import { readdirSync, readFileSync } from 'node:fs';
import type { Cluster } from '../cluster/cluster.js';

/** One process's footprint at one moment; undefined where it could not be read. */
export interface Reading {
  name: string;
  pid: number | undefined;
  rssKb?: number;
  fds?: number;
  /** From the server's /metrics (prom-client defaults): V8 heap in use and libuv handles. */
  heapKb?: number;
  handles?: number;
}

function fromProc(pid: number): Pick<Reading, 'rssKb' | 'fds'> {
  const reading: Pick<Reading, 'rssKb' | 'fds'> = {};
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match?.[1]) reading.rssKb = Number(match[1]);
    reading.fds = readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    // the process went away between listing and reading
  }
  return reading;
}

function metric(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

async function fromMetrics(port: number): Promise<Pick<Reading, 'heapKb' | 'handles'>> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(3_000) });
    const text = await response.text();
    const heap = metric(text, 'nodejs_heap_size_used_bytes');
    const handles = metric(text, 'nodejs_active_handles_total');
    return {
      ...(heap === undefined ? {} : { heapKb: Math.round(heap / 1024) }),
      ...(handles === undefined ? {} : { handles }),
    };
  } catch {
    return {};
  }
}

/** Every server process (RSS, fds, heap, handles), then Redis and the database (RSS, fds). */
export async function readResources(cluster: Cluster): Promise<Reading[]> {
  const nodes = await Promise.all(
    [...cluster.web, ...cluster.workers].map(async (node): Promise<Reading> => {
      let pid: number | undefined;
      try {
        pid = node.process?.servicePid();
      } catch {
        pid = undefined;
      }
      if (pid === undefined) return { name: node.instanceId, pid };
      return { name: node.instanceId, pid, ...fromProc(pid), ...(await fromMetrics(node.port)) };
    }),
  );
  const services = cluster
    .services()
    .filter((service) => service.name !== 'nginx')
    .map((service): Reading => {
      let pid: number | undefined;
      try {
        pid = service.process?.servicePid();
      } catch {
        pid = undefined;
      }
      return { name: service.name, pid, ...(pid === undefined ? {} : fromProc(pid)) };
    });
  return [...nodes, ...services];
}

const mb = (kb: number | undefined) => (kb === undefined ? '?' : `${Math.round(kb / 1024)}M`);
const n = (value: number | undefined) => (value === undefined ? '?' : String(value));

/** `n1 rss 95M heap 40M fd 31 h 25`: compact enough for one line per minute. */
export function formatReading(reading: Reading): string {
  if (reading.pid === undefined) return `${reading.name} down`;
  const parts = [`${reading.name} rss ${mb(reading.rssKb)}`];
  if (reading.heapKb !== undefined) parts.push(`heap ${mb(reading.heapKb)}`);
  parts.push(`fd ${n(reading.fds)}`);
  if (reading.handles !== undefined) parts.push(`h ${n(reading.handles)}`);
  return parts.join(' ');
}
