import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationView, MessageLeft } from '@switchboard/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createDepartment, openDesk } from './routing-support.js';

const SUPPORT = 'help@nimbus.example';

/**
 * Offline messages answered by email: the customer who left a message gets the
 * agent's reply as an email they can answer (Reply-To the support mailbox, the
 * case number in the subject, written as a reply), and one case makes one
 * thread of emails — no summary of the queued chat they gave up, none on close.
 */
describe('replies to messages left offline', () => {
  let server: TestServer;
  let smtp: SmtpListener;
  const people: { disconnect(): void }[] = [];
  let departmentId = '';

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Nimbus Support <no-reply@nimbus.example>',
        MAIL_REPLY_TO: `Nimbus Support <${SUPPORT}>`,
        ROUTING_QUEUE_DEBOUNCE: '50',
      },
    });
    // Closed every day: nobody can chat, the widget offers the message form.
    departmentId = (
      await createDepartment(server, {
        name: 'Réparations',
        topics: [{ key: 'repairs', labels: { en: 'Repairs', fr: 'Réparations' } }],
        languages: ['fr', 'en'],
        hours: { timeZone: 'Europe/Paris', weekly: {}, holidays: [] },
      })
    ).id;
  });
  afterAll(async () => {
    for (const person of people) person.disconnect();
    await server.stop();
    await smtp.close();
  });

  it('emails the reply as an answerable email, once, and nothing for the chat given up or on close', async () => {
    const email = `claire-${randomUUID().slice(0, 8)}@example.com`;
    const customer = new TestCustomer(server.url);
    people.push(customer);
    await customer.connect();
    const prechat = { ...defaultPrechat, name: 'Claire', email, topic: 'repairs', language: 'fr' as const };
    const { conversation: waiting } = await customer.start(prechat);

    // From the queue: the waiting chat is given up for the message.
    const left = await customer.request<MessageLeft>('conversation.leaveMessage', {
      conversationId: waiting.id,
      requestId: randomUUID(),
      prechat,
      body: 'Mon écran reste noir après la mise à jour.\nPouvez-vous m’aider ?',
    });
    if (!left.ok) throw new Error(left.error.code);
    const caseNumber = left.data.caseNumber;
    expect((await server.app.services.conversations.load(waiting.id))?.status).toBe('closed');

    const agent = await openDesk(server, {
      displayName: 'Lei',
      languages: ['fr', 'en'],
      departmentIds: [departmentId],
    });
    people.push(agent);
    const picked = await agent.request<ConversationView>('conversation.pickup', {
      conversationId: left.data.conversationId,
    });
    expect(picked).toMatchObject({ ok: true, data: { status: 'active', offline: true } });
    agent.log(left.data.conversationId);
    const reply = 'Bonjour Claire, maintenez le bouton latéral 10 secondes : l’écran revient.';
    expect(
      await agent.request('message.send', {
        conversationId: left.data.conversationId,
        clientMessageId: randomUUID(),
        body: reply,
      }),
    ).toMatchObject({ ok: true });

    await smtp.waitFor(() => smtp.to(email).length >= 1);
    const [mail] = smtp.to(email);
    // An answerable reply about this case.
    expect(mail?.parsed.subject).toBe(`Re: Votre message à notre service client [dossier ${caseNumber}]`);
    expect(mail?.parsed.replyTo?.value.map((address) => address.address)).toEqual([SUPPORT]);
    expect(mail?.parsed.inReplyTo).toBe(`<case.${left.data.conversationId}@nimbus.example>`);
    const text = mail?.parsed.text ?? '';
    expect(text).toContain(reply);
    expect(text).toContain('Lei, service client');
    expect(text).toContain('répondre à cet e-mail');
    expect(text).toContain('> Mon écran reste noir après la mise à jour.\n> Pouvez-vous m’aider ?');
    // Not a chat summary: no system lines, no "don't reply".
    expect(text).not.toContain('Vous échangez à présent avec');
    expect(text).not.toContain('ne pas y répondre');
    expect(text).not.toContain('Récapitulatif');

    // The agent closes the case: its answer went by email already, so no summary follows.
    expect(
      await agent.request('conversation.close', { conversationId: left.data.conversationId, disposition: 'resolved' }),
    ).toMatchObject({ ok: true });
    await sleep(1_500);
    expect(smtp.to(email).map((received) => received.parsed.subject)).toEqual([mail?.parsed.subject]);
    // The queued chat she gave up logged no transcript either.
    const givenUp = await server.app.services.conversations.load(waiting.id);
    expect(await server.app.services.transcripts.list(givenUp!._id)).toEqual([]);
  });
});
