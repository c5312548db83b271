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

  it('sends in the brand’s name unless MAIL_FROM sets the sender', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'outbox-test-'));
    dirs.push(dir);
    const mail = (id: string, fromName: string | null) => ({
      to: 'marie@example.com',
      subject: 'x',
      text: 'x',
      html: '<p>x</p>',
      messageId: `<${id}@switchboard.localhost>`,
      language: 'fr',
      fromName,
    });
    const read = async (id: string) => readFile(path.join(dir, `_${id}@switchboard.localhost_.eml`), 'utf8');
    const branded = createMailer({ MAIL_OUTBOX_DIR: dir, NODE_ENV: 'test' }, pino({ level: 'silent' }));
    await branded.send(mail('brand', 'Nimbus Support'));
    await branded.send(mail('none', null));
    // A name that looks like an address or a header stays a name.
    await branded.send(mail('odd', 'Evil <boss@attacker.example>, x'));
    expect(await read('brand')).toContain('From: Nimbus Support <support@switchboard.localhost>');
    expect(await read('none')).toContain('From: Switchboard Support <support@switchboard.localhost>');
    expect(await read('odd')).toMatch(/^From: "Evil <boss@attacker\.example>, x" <support@switchboard\.localhost>$/m);
    branded.close();
    const fixed = createMailer(
      { MAIL_FROM: 'Help <help@shop.example>', MAIL_OUTBOX_DIR: dir, NODE_ENV: 'test' },
      pino({ level: 'silent' }),
    );
    await fixed.send({ ...mail('fixed', 'Nimbus Support'), messageId: '<fixed@shop.example>' });
    expect(await readFile(path.join(dir, '_fixed@shop.example_.eml'), 'utf8')).toContain(
      'From: Help <help@shop.example>',
    );
    fixed.close();
  });

  it('takes the Message-ID domain from MAIL_FROM', () => {
    expect(mailDomain('Switchboard Support <support@Switchboard.Example>')).toBe('switchboard.example');
    expect(mailDomain('plain@example.org')).toBe('example.org');
    expect(mailDomain('nobody')).toBe('localhost');
  });
});
