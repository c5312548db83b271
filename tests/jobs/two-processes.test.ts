import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, uniqueNamespace, type TestServer } from '../support/test-server.js';
import { FAST_JOBS_ENV, openChat } from './chat.js';

/**
 * Two server instances sharing one database and one Redis namespace, both
 * running workers: every timer fires in one of them, and every check-in,
 * goodbye and email happens once.
 */
describe('idle timers and transcripts across two worker processes', () => {
  let first: TestServer;
  let second: TestServer;
  let smtp: SmtpListener;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    const namespace = uniqueNamespace(import.meta.filename);
    const env = { ...FAST_JOBS_ENV, SMTP_URL: smtp.url };
    first = await startTestServer({ testFile: import.meta.filename, namespace, env });
    second = await startTestServer({ testFile: import.meta.filename, namespace, env });
  });
  afterAll(async () => {
    await second.app.stop();
    await first.stop();
    await smtp.close();
  });

  it('nudges, closes and emails each of three idle chats exactly once', async () => {
    const chats = await Promise.all(
      [1, 2, 3].map((n) =>
        openChat(n % 2 ? first : second, {
          agentServer: n % 2 ? second : first,
          prechat: { email: `two-${n}@example.com` },
        }),
      ),
    );
    for (const chat of chats) {
      await chat.customer.send(chat.conversationId, 'Hello?');
      await chat.desk.send(chat.conversationId, 'Hi! How can I help?');
    }
    await smtp.waitFor(() => chats.every((_, i) => smtp.to(`two-${i + 1}@example.com`).length > 0), 20_000);
    await sleep(1_500); // time for any duplicate to show up

    const { messages, conversations } = first.app.services;
    for (const [i, chat] of chats.entries()) {
      const events = (
        await messages.model.find({ conversationId: chat.conversationId, 'author.kind': 'system' }).lean()
      ).map((message) => message.system?.event);
      expect(events.filter((event) => event === 'customer.idle-nudge')).toHaveLength(1);
      expect(events.filter((event) => event === 'customer.idle-close')).toHaveLength(1);
      // The goodbye is the one closing line.
      expect(events.filter((event) => event === 'conversation.closed')).toHaveLength(0);
      expect((await conversations.load(chat.conversationId))?.status).toBe('closed');
      expect(smtp.to(`two-${i + 1}@example.com`)).toHaveLength(1);
      // Both processes' clients saw the check-in once.
      expect(chat.customer.received.filter((m) => m.system?.event === 'customer.idle-nudge')).toHaveLength(1);
      expect(chat.desk.received.filter((m) => m.system?.event === 'customer.idle-nudge')).toHaveLength(1);
      chat.close();
    }
  });
});
