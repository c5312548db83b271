import { randomUUID } from 'node:crypto';
import type { MessageSent } from '@switchboard/shared';
import { translate } from '@switchboard/shared/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChat, type Chat } from '../jobs/chat.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectSent, expectUploaded, phonePhoto, upload } from './upload-helpers.js';

describe('the transcript email lists the chat’s files with links that work for a set time', () => {
  let smtp: SmtpListener;
  let server: TestServer;
  const chats: Chat[] = [];

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    server = await startTestServer({
      testFile: import.meta.filename,
      env: { SMTP_URL: smtp.url, TRANSCRIPT_BACKOFF: '100ms', ATTACHMENT_EMAIL_LINK_TTL: '3d' },
    });
  });
  afterAll(async () => {
    for (const chat of chats.splice(0)) chat.close();
    await server.stop();
    await smtp.close();
  });

  it('links each file in the customer’s language; the link downloads the file', async () => {
    const chat = await openChat(server, {
      prechat: { name: 'Marie', email: 'marie.files@example.com', language: 'fr' },
    });
    chats.push(chat);
    const { customer, desk, conversationId } = chat;
    const view = expectUploaded(
      await upload(server.url, customer, conversationId, { name: 'écran fissuré.jpg', bytes: await phonePhoto() }),
    );
    expectSent(
      await customer.request<MessageSent>('message.send', {
        conversationId,
        clientMessageId: randomUUID(),
        body: 'Voici la photo',
        attachmentId: view.id,
      }),
    );
    expect(await desk.request('conversation.close', { conversationId, disposition: 'resolved' })).toMatchObject({
      ok: true,
    });

    await smtp.waitFor(() => smtp.to('marie.files@example.com').length === 1);
    const { parsed } = smtp.to('marie.files@example.com')[0]!;
    const text = parsed.text ?? '';
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    const fileLine = translate('fr', 'email.file', { name: 'écran fissuré.jpg' });
    expect(text).toContain(fileLine);
    expect(html).toContain('écran fissuré.jpg');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/api\/files\/[0-9a-f]{24}\/original\?e=\d+&s=[\w-]+)/.exec(text)?.[1];
    expect(link).toBeDefined();
    const expires = Number(new URL(link!).searchParams.get('e'));
    // Three days, rounded up to the hour.
    expect(expires - Date.now()).toBeGreaterThan(3 * 86_400_000 - 60_000);
    expect(expires - Date.now()).toBeLessThan(3 * 86_400_000 + 3_600_000 + 60_000);
    const file = await fetch(link!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
  });
});
