import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';
import { openChat } from './chat.js';

const WORKER_ENTRY = path.resolve(import.meta.dirname, '../../server/dist/worker.js');

/**
 * Jobs survive a crash and run once, with real processes: a web-only server
 * takes the chat, separate `node server/dist/worker.js` processes (what
 * `pnpm worker` runs) send the transcript. The first worker is SIGKILLed while
 * the SMTP server holds its message mid-DATA (so nothing was accepted); the
 * job's lock expires, the second worker runs it again and the customer gets
 * exactly one email.
 */
describe('a worker process killed mid-job', () => {
  let web: TestServer;
  let smtp: SmtpListener;
  let namespace: string;
  const workers: ChildProcess[] = [];

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [WORKER_ENTRY], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        WORKER_PORT: '0',
        LOG_LEVEL: 'warn',
        REDIS_URL: inject('redisUrl'),
        MONGODB_URI: inject('mongoUri'),
        MONGODB_DB: namespace,
        REDIS_PREFIX: namespace,
        SMTP_URL: smtp.url,
        JOB_LOCK: '1s',
        TRANSCRIPT_BACKOFF: '100ms',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    let output = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Switchboard worker running')) {
          clearTimeout(timer);
          resolve(child);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited (${code}):\n${output}`));
      });
    });
  }

  beforeAll(async () => {
    if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} is missing: run pnpm build first`);
    smtp = await SmtpListener.start();
    namespace = uniqueNamespace(import.meta.filename);
    web = await startTestServer({
      testFile: import.meta.filename,
      namespace,
      env: { PROCESS_ROLE: 'web', SMTP_URL: smtp.url },
    });
  });
  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL');
    await web.stop();
    await smtp.close();
  });

  it('completes the transcript in another worker, and the customer gets one email', async () => {
    const doomed = await startWorker();
    const hold = smtp.holdNext();
    const chat = await openChat(web, { prechat: { email: 'crash@example.com' } });
    await chat.customer.send(chat.conversationId, 'Thanks, that fixed it.');
    expect(
      await chat.desk.request('conversation.close', { conversationId: chat.conversationId, disposition: 'resolved' }),
    ).toMatchObject({ ok: true });

    await hold.arrived; // the worker is inside the SMTP transaction, waiting for "250 OK"
    const exited = new Promise((resolve) => doomed.once('exit', resolve));
    doomed.kill('SIGKILL');
    await exited;
    await sleep(200);
    hold.release(); // too late: that connection is gone, the listener does not accept it

    await startWorker();
    await smtp.waitFor(() => smtp.to('crash@example.com').length === 1, 20_000);
    await sleep(1_000);
    expect(smtp.to('crash@example.com')).toHaveLength(1);
    expect(smtp.attempts).toBe(2);

    const conversation = await web.app.services.conversations.load(chat.conversationId);
    const [delivery] = await web.app.services.transcripts.list(conversation!._id);
    // The killed attempt never reached the log: one attempt, sent, with the Message-ID the customer got.
    expect(delivery).toMatchObject({ status: 'sent', attempts: [{ outcome: 'sent' }] });
    expect(smtp.to('crash@example.com')[0]?.messageId).toBe(delivery?.messageId);
    chat.close();
  });
});
