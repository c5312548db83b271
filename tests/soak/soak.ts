/**
 * `pnpm test:soak` (not in CI): SOAK_MINUTES (default 30) of mixed
 * chat traffic through nginx to 3 web processes and 1 worker, with one random
 * fault every minute (a web process SIGKILLed or SIGTERMed, the worker
 * SIGKILLed, Redis kill -9'd for a few seconds; each then restarted). Prints a
 * line per minute (messages acked, faults, memory and handles of every
 * process), then the oracle's verdict. Exits 1 if the oracle finds a
 * violation, a chat misbehaved, or any process died on its own.
 * SOAK_SEED replays a run's choice of faults and traffic shape.
 */
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster } from '../cluster/cluster.js';
import { waitFor } from '../cluster/managed-process.js';
import { checkOracle } from '../cluster/oracle.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { seededRandom } from '../../scripts/seeded-random.js';
import { FAULT_KINDS, injectFault, pick } from './faults.js';
import { formatReading, readResources } from './resources.js';
import { NUDGE, SoakTraffic } from './traffic.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, not "${raw}"`);
  return value;
}

const minutes = positiveInteger('SOAK_MINUTES', 30);
const seed = positiveInteger('SOAK_SEED', randomInt(1, 2 ** 31));
const random = seededRandom(seed);
// The idle path: check-in 20 s after the agent's last reply, close 20 s later.
const IDLE = { AGENT_REPLY_SLA: '5s', CUSTOMER_IDLE_NUDGE: '20s', CUSTOMER_IDLE_CLOSE: '20s' };

/** The soak's clock starts once the cluster is up and the agents are online. */
let started = Date.now();
const clock = () => {
  const seconds = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};
const sleepUntil = (at: number) => sleep(Math.max(0, at - Date.now()));

async function soak(cluster: Cluster, smtp: SmtpListener): Promise<string[]> {
  const problems: string[] = [];
  const faults: string[] = [];
  const traffic = new SoakTraffic(cluster, random, { agents: 3, maxOpenChats: 10, idleCloseWithinMs: 180_000 });

  /** A server process or service that exited without being told to: a failure; bring it back to go on. */
  const checkCrashes = async () => {
    for (const id of cluster.crashed()) {
      const node = [...cluster.web, ...cluster.workers].find((candidate) => candidate.instanceId === id);
      if (!node) continue;
      problems.push(`${id} exited on its own at ${clock()}:\n${node.process?.tail() ?? ''}`);
      node.process = null;
      await cluster.startNode(node);
    }
    for (const service of cluster.services()) {
      if (service.process?.hasExited) problems.push(`${service.name} exited on its own at ${clock()}`);
    }
  };

  await traffic.begin();
  started = Date.now();
  const baseline = (await readResources(cluster)).map(formatReading).join(' · ');
  say(`${clock()} traffic started, ${traffic.desks.length} agents online | ${baseline}`);
  let lastAcked = 0;
  for (let minute = 1; minute <= minutes; minute += 1) {
    const minuteStart = started + (minute - 1) * 60_000;
    await sleepUntil(minuteStart + 10_000 + random() * 35_000);
    const kind = pick(random, FAULT_KINDS);
    try {
      faults.push(`${clock()} ${await injectFault(cluster, kind, random)}`);
    } catch (error) {
      problems.push(`${clock()} ${kind}: the cluster did not come back: ${String(error)}`);
      break;
    }
    await sleepUntil(minuteStart + 60_000);
    await checkCrashes();
    const { stats } = traffic;
    const resources = (await readResources(cluster)).map(formatReading).join(' · ');
    say(
      `${clock()} acked ${stats.acked} (+${stats.acked - lastAcked}) refused ${stats.refused}` +
        ` | chats ${stats.started} open ${traffic.openChats} closed agent/customer/idle ${stats.agent}/${stats.customer}/${stats.idle}` +
        ` | sockets ${traffic.connectedSockets}` + // every customer stays connected for the oracle: fds grow with them
        ` | faults ${faults.length} (last ${faults.at(-1)?.slice(6) ?? '-'})` +
        ` | ${resources}`,
    );
    lastAcked = stats.acked;
  }

  say(`${clock()} stopping: no new chats; open ones finish and close`);
  await traffic.stop();
  await checkCrashes();
  problems.push(...traffic.problems);

  const oracle = await checkOracle(cluster, {
    participants: [...traffic.customers, ...traffic.desks],
    conversationIds: traffic.conversationIds,
    acks: traffic.ledger,
  });
  problems.push(...oracle.map((problem) => `oracle: ${problem}`));

  // Under faults: every closed chat's transcript emailed, and only once.
  const closed = [...traffic.closed.values()];
  await waitFor('transcripts', () => closed.every((email) => smtp.to(email).length > 0), 120_000).catch(
    () => undefined,
  );
  await sleep(3_000); // room for a duplicate to show up
  // One email per closed chat, told apart by Message-ID. A worker killed after the SMTP server
  // accepted a transcript and before it marked it sent leaves the next worker to send it again
  // under the same Message-ID (which mail clients show once): the one window the transcript
  // worker documents. Such copies are counted and printed, never taken for a second email.
  let redelivered = 0;
  for (const email of closed) {
    const received = smtp.to(email);
    const distinct = new Set(received.map((mail) => mail.messageId)).size;
    redelivered += received.length - distinct;
    if (distinct === 0) problems.push(`no transcript sent to ${email}`);
    if (distinct > 1 && !traffic.retriedStarts.has(email)) problems.push(`${distinct} transcripts sent to ${email}`);
  }
  if (redelivered > 0)
    process.stdout.write(
      `${redelivered} transcript(s) sent again under the same Message-ID after a worker was killed\n`,
    );
  // Timers fire once: no conversation checked in on twice.
  const db = await cluster.db();
  const twice = await db
    .collection('messages')
    .aggregate<{ _id: unknown; count: number }>([
      { $match: { 'system.event': NUDGE } },
      { $group: { _id: '$conversationId', count: { $sum: 1 } } },
      { $match: { count: { $gt: 1 } } },
    ])
    .toArray();
  for (const found of twice) problems.push(`conversation ${String(found._id)}: ${found.count} idle check-ins`);

  const { stats } = traffic;
  say(
    `${clock()} done: ${stats.acked} messages acked, ${stats.started} chats (${closed.length} closed: ` +
      `${stats.agent} by the agent, ${stats.customer} by the customer, ${stats.idle} by the idle timers; ` +
      `${stats.orphans} orphaned starts closed), ${smtp.received.length} transcripts, ${faults.length} faults:`,
  );
  for (const fault of faults) say(`  ${fault}`);
  return problems;
}

async function main(): Promise<number> {
  say(`soak: ${minutes} min, seed ${seed}, 3 web processes + 1 worker behind nginx, a fault every minute`);
  const smtp = await SmtpListener.start();
  let cluster: Cluster | undefined;
  try {
    cluster = await Cluster.start({
      webProcesses: 3,
      workers: 1,
      redisAppendOnly: true,
      env: { SMTP_URL: smtp.url, TRANSCRIPT_BACKOFF: '1s', ...IDLE },
    });
    const problems = await soak(cluster, smtp);
    if (problems.length === 0) {
      say('oracle: PASS (stored = displayed = acked everywhere, nothing twice, no process crashed on its own)');
      return 0;
    }
    say(`oracle: FAIL, ${problems.length} problem(s):`);
    for (const problem of problems) say(`  - ${problem}`);
    return 1;
  } catch (error) {
    say(`soak: aborted at ${clock()}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (cluster) say(cluster.logs());
    return 1;
  } finally {
    await cluster?.stop();
    await smtp.close();
  }
}

process.exitCode = await main();
// Sockets of hundreds of customers may linger a moment: the verdict is in, leave.
process.exit();
