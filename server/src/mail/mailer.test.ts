import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer, mailDomain } from './mailer.js';

describe('mailer without SMTP_URL', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('writes each message to the outbox as <Message-ID>.eml, a retry overwriting the same file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'outbox-test-'));
    dirs.push(dir);
    const mailer = createMailer(
      { MAIL_FROM: 'Support <help@shop.example>', MAIL_OUTBOX_DIR: dir, NODE_ENV: 'test' },
      pino({ level: 'silent' }),
    );
    const mail = {
      to: 'marie@example.com',
      subject: 'Résumé — case SB-1',
      text: 'hello',
      html: '<p>hello</p>',
      messageId: '<transcript.abc.close@shop.example>',
      language: 'fr',
    };
    await mailer.send(mail);
    await mailer.send(mail);
    const files = await readdir(dir);
    expect(files).toEqual(['_transcript.abc.close@shop.example_.eml']);
    const raw = await readFile(path.join(dir, files[0]!), 'utf8');
    expect(raw).toContain('Message-ID: <transcript.abc.close@shop.example>');
    expect(raw).toContain('From: Support <help@shop.example>');
    mailer.close();
  });

  it('takes the Message-ID domain from MAIL_FROM', () => {
    expect(mailDomain('Switchboard Support <support@Switchboard.Example>')).toBe('switchboard.example');
    expect(mailDomain('plain@example.org')).toBe('example.org');
    expect(mailDomain('nobody')).toBe('localhost');
  });
});
