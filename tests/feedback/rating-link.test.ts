import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locale } from '@switchboard/shared';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAgentDesk } from '../support/agent-desk.js';
import { defaultPrechat, TestCustomer } from '../support/customer-client.js';
import { SmtpListener, type ReceivedMail } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const RATE_LINK = /https?:\/\/[^\s"<>]+\/rate\/[a-f0-9]{24}\?token=[A-Za-z0-9_%-]+/;

/**
 * Rating from the email: the transcript's "Rate your chat" link opens a page in
 * the conversation's language that stores the same rating as the widget; the
 * link is built from PUBLIC_URL (else the address the server really listens
 * on), expires, and using it again only replaces the rating. A chat nobody
 * answered is never offered for rating.
 */
describe('the rating link of the transcript email', () => {
  let smtp: SmtpListener;
  let server: TestServer;
  let desk: TestAgentDesk;
  const people: { disconnect(): void }[] = [];

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    server = await startTestServer({ testFile: import.meta.filename, env: { SMTP_URL: smtp.url } });
    desk = await TestAgentDesk.open(server, { displayName: 'Olga', capacity: 10 });
    people.push(desk);
  });
  afterAll(async () => {
    for (const person of people) person.disconnect();
    await server.stop();
    await smtp.close();
  });

  /** A closed chat with an email address; `answered`: the agent wrote to the customer first. */
  async function closedChat(language: Locale, answered: boolean, on = server) {
    const email = `rate-${randomUUID().slice(0, 8)}@example.com`;
    const customer = new TestCustomer(on.url);
    people.push(customer);
    await customer.connect();
    const { conversation } = await customer.start({ ...defaultPrechat, name: 'Ivan', email, language });
    const agent = on === server ? desk : await TestAgentDesk.open(on, { displayName: 'Olga' });
    if (agent !== desk) people.push(agent);
    await on.app.services.conversations.assign(conversation.id, agent.principal);
    agent.log(conversation.id);
    if (answered) {
      const sent = await agent.send(conversation.id, 'Hello Ivan, Olga here.');
      if (!sent.ok) throw new Error(sent.error.code);
    }
    await customer.request('conversation.close', { conversationId: conversation.id });
    await smtp.waitFor(() => smtp.to(email).length === 1);
    return { customer, conversationId: conversation.id, mail: smtp.to(email)[0]! };
  }

  const linkIn = (mail: ReceivedMail) => RATE_LINK.exec(mail.parsed.text ?? '')?.[0];
  const post = (url: string, form: Record<string, string>, origin = server.url) =>
    fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams(form).toString(),
    });

  it('opens a page in the chat language that stores the rating the widget stores; a second use replaces it', async () => {
    const { conversationId, mail } = await closedChat('ru', true);
    const link = linkIn(mail);
    // The address this server listens on (a random port here), never a guessed localhost:3000.
    expect(link?.startsWith(`${server.url}/rate/${conversationId}?token=`)).toBe(true);
    const url = new URL(link!);
    const token = url.searchParams.get('token')!;

    const page = await fetch(link!);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Как мы справились?');
    expect(html).toContain('Olga');
    expect(html.match(/type="radio" name="rating"/g)).toHaveLength(5);
    // Opening the link (as mail scanners do) rates nothing.
    expect(await server.app.services.feedback.ratingOf(conversationId)).toBeNull();

    const sent = await post(`${server.url}/rate/${conversationId}`, {
      token,
      rating: '4',
      comment: '  Быстро помогли  ',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/rate/${conversationId}?token=${encodeURIComponent(token)}`);
    expect(await server.app.services.feedback.ratingOf(conversationId)).toMatchObject({
      rating: 4,
      comment: 'Быстро помогли',
    });
    const after = await (await fetch(link!)).text();
    expect(after).toContain('Спасибо! Вы оценили этот чат на 4 из 5.');
    expect(after).toContain('value="4" required checked');

    // Single-use-safe: sending again replaces the one rating, as in the widget.
    expect((await post(`${server.url}/rate/${conversationId}`, { token, rating: '5' })).status).toBe(303);
    expect(await server.app.services.feedback.ratingOf(conversationId)).toMatchObject({ rating: 5 });

    // No choice: asked again. A wrong token, another id, a foreign page: refused, nothing stored.
    const noChoice = await post(`${server.url}/rate/${conversationId}`, { token, comment: 'x' });
    expect(noChoice.status).toBe(400);
    expect(await noChoice.text()).toContain('Пожалуйста, выберите оценку от 1 до 5.');
    expect((await post(`${server.url}/rate/${conversationId}`, { token: `${token}x`, rating: '1' })).status).toBe(404);
    const other = new Types.ObjectId().toHexString();
    expect((await post(`${server.url}/rate/${other}`, { token, rating: '1' })).status).toBe(404);
    expect((await fetch(`${server.url}/rate/not-an-id?token=${token}`)).status).toBe(404);
    const forged = await post(`${server.url}/rate/${conversationId}`, { token, rating: '1' }, 'https://evil.example');
    expect(forged.status).toBe(403);
    expect(await server.app.services.feedback.ratingOf(conversationId)).toMatchObject({ rating: 5 });

    // The link expires (RATING_LINK_TTL, 30 days by default) after the first email that carried it.
    await server.app.services.ratingLinks.model.updateOne(
      { conversationId: new Types.ObjectId(conversationId) },
      { $set: { createdAt: new Date(Date.now() - 31 * 86_400_000) } },
    );
    const expired = await fetch(link!);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Срок действия этой ссылки истёк.');
    expect((await post(`${server.url}/rate/${conversationId}`, { token, rating: '1' })).status).toBe(410);
    expect(await server.app.services.feedback.ratingOf(conversationId)).toMatchObject({ rating: 5 });
  });

  it('asks nobody to rate a chat no advisor answered: no link in the email, refused in the widget and on the page', async () => {
    const { customer, conversationId, mail } = await closedChat('fr', false);
    expect(mail.parsed.text).not.toContain('/rate/');
    expect(mail.parsed.html).not.toContain('/rate/');
    const rated = await customer.request('conversation.rate', { conversationId, rating: 1 });
    expect(rated.ok ? 'ok' : rated.error.code).toBe('CONFLICT');
    // A link made some other way still finds nothing to rate.
    const link = await server.app.services.ratingLinks.linkFor(new Types.ObjectId(conversationId));
    const page = await fetch(link);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Aucun conseiller n’a répondu à cette conversation');
    await sleep(200);
    expect(await server.app.services.feedback.ratingOf(conversationId)).toBeNull();
  });

  it('builds the link from PUBLIC_URL when it is set', async () => {
    const behindProxy = await startTestServer({
      testFile: import.meta.filename,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://support.nimbus.example/' },
    });
    try {
      const { conversationId, mail } = await closedChat('en', true, behindProxy);
      expect(linkIn(mail)?.startsWith(`https://support.nimbus.example/rate/${conversationId}?token=`)).toBe(true);
    } finally {
      await behindProxy.stop();
    }
  });
});
