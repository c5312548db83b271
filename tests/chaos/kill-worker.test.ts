import { setTimeout as sleep } from 'node:timers/promises';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpListener } from '../support/smtp-listener.js';
import { openClusterChat, reconnectThrough, sendReliably } from '../cluster/chat-traffic.js';
import { Cluster, type ServerNode } from '../cluster/cluster.js';
import { waitFor } from '../cluster/managed-process.js';
import { AckLedger, checkOracle } from '../cluster/oracle.js';

const NUDGE = 'customer.idle-nudge';

/**
 * Jobs survive a crash and run once, in a real cluster: the only worker
 * process is SIGKILLed in the middle of a job (a transcript held mid-SMTP; an
 * idle check-in caught while active); a worker started afterwards finishes
 * it, and it happens exactly once.
 */
describe('a worker process killed mid-job', () => {
  let cluster: Cluster;
  let smtp: SmtpListener;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    cluster = await Cluster.start({
      webProcesses: 2,
      workers: 1,
      env: {
        SMTP_URL: smtp.url,
        JOB_LOCK: '1s',
        TRANSCRIPT_BACKOFF: '100ms',
        // The idle timer wakes at the reply SLA, sees the agent answered, re-arms for the check-in.
        AGENT_REPLY_SLA: '500ms',
        CUSTOMER_IDLE_NUDGE: '3s',
        CUSTOMER_IDLE_CLOSE: '1h',
      },
    });
  });
  afterAll(async () => {
    await cluster.stop();
    await smtp.close();
  });

  /** The one running worker, killed; a fresh one started to take over. */
  async function replaceWorker(doomed: ServerNode, kill: () => void): Promise<void> {
    kill();
    await doomed.process?.exited;
    doomed.process = null;
    await cluster.addWorker();
  }

  it('a transcript being sent: one email, sent by the next worker', async () => {
    const chat = await openClusterChat(cluster, { prechat: { email: 'crash@example.com' } });
    const ledger = new AckLedger();
    const reconnect = () => reconnectThrough(cluster, chat.customer);
    await sendReliably(chat.customer, chat.conversationId, 'Thanks, that fixed it.', { ledger, reconnect });
    const hold = smtp.holdNext();
    expect(
      await chat.desk.request('conversation.close', { conversationId: chat.conversationId, disposition: 'resolved' }),
    ).toMatchObject({ ok: true });
    await hold.arrived; // the worker is inside the SMTP transaction, waiting for "250 OK"
    const doomed = cluster.workers.find((node) => node.process && !node.process.hasExited)!;
    await replaceWorker(doomed, () => process.kill(doomed.process!.servicePid(), 'SIGKILL'));
    hold.release(); // too late: that connection is gone

    await smtp.waitFor(() => smtp.to('crash@example.com').length === 1, 60_000);
    await sleep(2_000); // room for a duplicate to show up
    expect(smtp.to('crash@example.com')).toHaveLength(1);
    const problems = await checkOracle(cluster, {
      participants: [chat.customer, chat.desk],
      conversationIds: [chat.conversationId],
      acks: ledger,
    });
    expect(problems, cluster.logs()).toEqual([]);
    chat.customer.disconnect();
    chat.desk.disconnect();
  });

  it('an idle check-in being posted: posted once, by the next worker', async () => {
    const db = await cluster.db();
    const redis = cluster.redis();
    const active = `${cluster.namespace}:bull:idle-timers:active`;
    const ledger = new AckLedger();
    // The kill must land while the check-in job is active; a run that finished before
    // we saw it is not the scenario, so such a chat is set aside and another one tried.
    for (let attempt = 1; ; attempt += 1) {
      await cluster.resetRateLimits();
      const chat = await openClusterChat(cluster);
      const reconnect = (participant: typeof chat.customer | typeof chat.desk) => () =>
        reconnectThrough(cluster, participant);
      await sendReliably(chat.customer, chat.conversationId, 'Hello?', { ledger, reconnect: reconnect(chat.customer) });
      const doomed = cluster.workers.find((node) => node.process && !node.process.hasExited)!;
      const pid = doomed.process!.servicePid();
      await sendReliably(chat.desk, chat.conversationId, 'Hi! What can I do for you?', {
        ledger,
        reconnect: reconnect(chat.desk),
      });
      const nudges = () =>
        db.collection('messages').countDocuments({
          conversationId: new Types.ObjectId(chat.conversationId),
          'system.event': NUDGE,
        });
      await sleep(1_500); // past the reply-SLA wake-up: the pending job now is the check-in
      // Tight poll: the check-in job is active for only a few milliseconds.
      const deadline = Date.now() + 30_000;
      let caught = false;
      while (Date.now() < deadline) {
        if ((await redis.llen(active)) > 0) {
          process.kill(pid, 'SIGKILL');
          caught = true;
          break;
        }
        if ((await nudges()) > 0) break;
      }
      if (caught) {
        await replaceWorker(doomed, () => undefined);
        await waitFor('the check-in after the crash', async () => (await nudges()) >= 1, 60_000);
        await sleep(3_000); // the killed job's lock expires and stalled jobs are re-run meanwhile
        expect(await nudges()).toBe(1);
        await chat.customer.waitFor(() => chat.customer.bodies(chat.conversationId).length > 0);
        const problems = await checkOracle(cluster, {
          participants: [chat.customer, chat.desk],
          conversationIds: [chat.conversationId],
          acks: ledger,
        });
        expect(problems, cluster.logs()).toEqual([]);
        return;
      }
      chat.customer.disconnect();
      chat.desk.disconnect();
      if (attempt >= 8) throw new Error('never caught the check-in job while it was active');
    }
  });
});
