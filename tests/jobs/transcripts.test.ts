import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TranscriptDeliveryView, TranscriptRequested } from '@switchboard/shared';
import { translate } from '@switchboard/shared/i18n';
import type { AgentPrincipal } from '@switchboard/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, createSignedInAgent } from '../support/agent-client.js';
import { TestCustomer } from '../support/customer-client.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { openChat, type Chat } from './chat.js';

describe('transcript emails, on close and on request', () => {
  let server: TestServer;
  let smtp: SmtpListener;
  const chats: Chat[] = [];
  const track = (chat: Chat) => {
    chats.push(chat);
    return chat;
  };

  const deliveries = async (conversationId: string) => {
    const conversation = await server.app.services.conversations.load(conversationId);
    return server.app.services.transcripts.list(conversation!._id);
  };
  const closeByAgent = async (chat: Chat) => {
    const result = await chat.desk.request('conversation.close', {
      conversationId: chat.conversationId,
      disposition: 'resolved',
    });
    expect(result).toMatchObject({ ok: true });
  };

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { SMTP_URL: smtp.url, TRANSCRIPT_BACKOFF: '100ms', PUBLIC_URL: 'https://support.example' },
    });
  });
  afterEach(() => {
    for (const chat of chats.splice(0)) chat.close();
  });
  afterAll(async () => {
    await server.stop();
    await smtp.close();
  });

  it('emails the visible conversation on close: customer language, case number, masked, no notes, escaped', async () => {
    const chat = track(
      await openChat(server, { prechat: { name: 'Алексей', email: 'alexei@example.com', language: 'ru' } }),
    );
    const { customer, desk, conversationId } = chat;
    await customer.send(conversationId, '<script>alert("x")</script> Помогите, пожалуйста');
    await customer.send(conversationId, 'Моя карта 4111 1111 1111 1111');
    await desk.send(conversationId, 'SECRET NOTE: customer sounds upset', { internal: true });
    await desk.send(conversationId, 'Здравствуйте, Алексей! Сейчас помогу.');
    await closeByAgent(chat);

    await smtp.waitFor(() => smtp.to('alexei@example.com').length === 1);
    const [mail] = smtp.to('alexei@example.com');
    const { parsed } = mail!;
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    const text = parsed.text ?? '';
    expect(parsed.subject).toBe(translate('ru', 'email.subject', { caseNumber: chat.caseNumber }));
    expect(html).toContain('<html lang="ru">');
    for (const body of [html, text]) {
      expect(body).toContain(chat.caseNumber);
      expect(body).toContain('Lei');
      expect(body).toContain('Помогите, пожалуйста');
      expect(body).toContain(translate('ru', 'email.intro'));
      expect(body).not.toContain('4111 1111 1111 1111');
      expect(body).not.toContain('SECRET NOTE');
      expect(body).toContain(`https://support.example/rate/${conversationId}?token=`);
    }
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(text).toContain('<script>alert("x")</script>'); // plain text needs no escaping

    // The mail is in before the worker hears the listener's 250 and marks it sent.
    await expect.poll(async () => (await deliveries(conversationId))[0]?.status).toBe('sent');
    const [delivery] = await deliveries(conversationId);
    expect(delivery).toMatchObject({ trigger: 'close', status: 'sent', to: 'alexei@example.com' });
    expect(mail!.messageId).toBe(delivery!.messageId);
  });

  it('retries when the SMTP server refuses twice, sends once and logs the failures', async () => {
    smtp.rejectNext(2, 451);
    const before = smtp.attempts;
    const chat = track(await openChat(server, { prechat: { email: 'retry@example.com' } }));
    await closeByAgent(chat);
    await smtp.waitFor(() => smtp.to('retry@example.com').length === 1);
    await sleep(500);
    expect(smtp.to('retry@example.com')).toHaveLength(1);
    expect(smtp.attempts - before).toBe(3);
    const [delivery] = await deliveries(chat.conversationId);
    expect(delivery?.status).toBe('sent');
    expect(delivery?.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'failed', 'sent']);
    expect(delivery?.attempts[0]?.error).toMatch(/451/);
  });

  it('sends a requested transcript once per request id, to the customer’s own address', async () => {
    const chat = track(await openChat(server, { prechat: { email: 'owner@example.com' } }));
    const { customer, conversationId } = chat;
    await customer.send(conversationId, 'Please send me this conversation.');
    const requestId = randomUUID();
    // The address may be named, as long as it is the chat's own (in any case).
    const payload = { conversationId, email: 'Owner@Example.com', requestId };
    const first = await customer.request<TranscriptRequested>('transcript.request', payload);
    const again = await customer.request<TranscriptRequested>('transcript.request', { conversationId, requestId });
    expect(first).toEqual({ ok: true, data: { requestId, status: 'queued', to: 'owner@example.com' } });
    expect(again).toMatchObject({ ok: true, data: { requestId } });
    await smtp.waitFor(() => smtp.to('owner@example.com').length === 1);
    await sleep(500);
    expect(smtp.to('owner@example.com')).toHaveLength(1);
    expect(await deliveries(conversationId)).toEqual([
      expect.objectContaining({ trigger: 'request', status: 'sent', to: 'owner@example.com' }),
    ]);
  });

  it('never emails an address the customer did not give for the chat, and at most 3 requests a chat, even at once', async () => {
    // Anonymous visitors, still queued, no agent involved: what an abuser of the form would do.
    const abusers = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const customer = new TestCustomer(server.url);
        await customer.connect();
        const { conversation } = await customer.start({
          topic: 'spam',
          language: 'en',
          email: `abuser${i}@example.com`,
        });
        await customer.send(conversation.id, 'Claim your refund at https://evil.example/refund');
        return { customer, conversationId: conversation.id };
      }),
    );
    for (const [i, { customer, conversationId }] of abusers.entries()) {
      for (let n = 0; n < 5; n += 1) {
        const refused = await customer.request('transcript.request', {
          conversationId,
          email: `victim${i * 5 + n}@target.example`,
          requestId: randomUUID(),
        });
        expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    // Ten requests at once to a chat's own address: three are accepted, the rest refused.
    const customer = new TestCustomer(server.url);
    await customer.connect();
    const {
      conversation: { id: conversationId },
    } = await customer.start({ topic: 'spam', language: 'en', email: 'owner-many@example.com' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        customer.request<TranscriptRequested>('transcript.request', { conversationId, requestId: randomUUID() }),
      ),
    );
    const accepted = results.filter((result) => result.ok);
    expect(accepted).toHaveLength(3);
    for (const result of results) {
      if (!result.ok) expect(result.error.code).toBe('RATE_LIMITED');
    }
    await smtp.waitFor(() => smtp.to('owner-many@example.com').length === 3);
    await sleep(500);
    expect(smtp.received.filter((mail) => mail.to.some((to) => to.endsWith('@target.example')))).toEqual([]);
    expect(smtp.to('owner-many@example.com')).toHaveLength(3);
    for (const { conversationId: id } of abusers) expect(await deliveries(id)).toEqual([]);
    for (const abuser of abusers) abuser.customer.disconnect();
    customer.disconnect();
  });

  it('refuses bad requests and other customers’ conversations', async () => {
    const chat = track(await openChat(server));
    const stranger = new TestCustomer(server.url);
    await stranger.connect();
    await stranger.start({ topic: 'ipad', language: 'en' }); // no email given
    const bad = [
      { conversationId: 'not-an-id' },
      { conversationId: chat.conversationId, email: 'not an email' },
      { conversationId: chat.conversationId, extra: true },
      { conversationId: chat.conversationId, requestId: 'x' },
      null,
    ];
    for (const payload of bad) {
      expect(await chat.customer.request('transcript.request', payload)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    expect(
      await stranger.request('transcript.request', { conversationId: chat.conversationId, email: 'x@example.com' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // No address given for the chat: nothing to send to, and none may be typed in.
    const [own] = [...stranger.logs.keys()];
    expect(
      await stranger.request('transcript.request', { conversationId: own, email: 'stranger@example.com' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await stranger.request('transcript.request', { conversationId: own })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    stranger.disconnect();
  });

  it('shows the delivery log to agents who may read the chat, and failed jobs to admins', async () => {
    const assigned = await createSignedInAgent(server, { displayName: 'Ana' });
    const principal: AgentPrincipal = {
      id: assigned.agent.id,
      role: assigned.agent.role,
      displayName: assigned.agent.displayName,
      departmentIds: [],
      languages: assigned.agent.languages,
      capacity: assigned.agent.capacity,
    };
    const outsider = await createSignedInAgent(server, { displayName: 'Otto' });
    const admin = await createSignedInAgent(server, { role: 'admin', displayName: 'Ada' });
    const customer = new TestCustomer(server.url);
    await customer.connect();
    const { conversation } = await customer.start({ topic: 'mac', language: 'en', email: 'fail@example.com' });
    await server.app.services.conversations.assign(conversation.id, principal);

    smtp.rejectNext(1, 550, 'Mailbox unavailable');
    await server.app.services.conversations.close(
      (await server.app.services.conversations.load(conversation.id))!,
      { kind: 'agent', id: principal.id },
      'resolved',
    );
    const path = `/api/conversations/${conversation.id}/transcripts`;
    let log: TranscriptDeliveryView[] = [];
    for (let tries = 0; tries < 200 && log[0]?.status !== 'failed'; tries += 1) {
      const response = await agentFetch(server.url, assigned, path);
      expect(response.status).toBe(200);
      log = ((await response.json()) as { transcripts: TranscriptDeliveryView[] }).transcripts;
      await sleep(50);
    }
    expect(log[0]).toMatchObject({ status: 'failed', attempts: [{ outcome: 'failed' }] });
    expect(log[0]?.attempts[0]?.error).toMatch(/550/);
    expect((await agentFetch(server.url, outsider, path)).status).toBe(403);
    expect((await fetch(`${server.url}${path}`)).status).toBe(401);

    const failed = await agentFetch(server.url, admin, '/api/admin/jobs/failed?queue=transcripts');
    expect(failed.status).toBe(200);
    const body = (await failed.json()) as { queues: { queue: string; failed: { id: string; data: unknown }[] }[] };
    const job = body.queues[0]?.failed.find(
      (each) => (each.data as { conversationId: string }).conversationId === conversation.id,
    );
    expect(job).toBeDefined();
    expect((await agentFetch(server.url, assigned, '/api/admin/jobs/failed')).status).toBe(403);

    // Once the mailbox works again, an admin retry sends it.
    const retry = await agentFetch(server.url, admin, `/api/admin/jobs/transcripts/${job!.id}/retry`, {
      method: 'POST',
    });
    expect(retry.status).toBe(204);
    await smtp.waitFor(() => smtp.to('fail@example.com').length === 1);
    customer.disconnect();
  });

  it('serves the read-only queue dashboard to admins only', async () => {
    const admin = await createSignedInAgent(server, { role: 'admin', displayName: 'Ada' });
    const agent = await createSignedInAgent(server, { displayName: 'Al' });
    const page = await agentFetch(server.url, admin, '/admin/queues');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const api = await agentFetch(server.url, admin, '/admin/queues/api/queues');
    const names = ((await api.json()) as { queues: { name: string; readOnlyMode: boolean }[] }).queues;
    expect(names.map((queue) => queue.name)).toEqual(expect.arrayContaining(['idle-timers', 'transcripts']));
    expect(names.every((queue) => queue.readOnlyMode)).toBe(true);
    expect((await agentFetch(server.url, agent, '/admin/queues')).status).toBe(403);
    expect((await fetch(`${server.url}/admin/queues`)).status).toBe(401);
  });
});
