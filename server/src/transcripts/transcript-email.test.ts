import { translate } from '@switchboard/shared/i18n';
import { describe, expect, it } from 'vitest';
import { renderTranscriptEmail, type TranscriptContent } from './transcript-email.js';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 14, 9, minute));

const content: TranscriptContent = {
  locale: 'fr',
  caseNumber: 'SB-2026-000042',
  customerName: 'Marie <b>',
  department: 'Batterie & charge',
  agentName: 'Lei',
  startedAt: at(0),
  messages: [
    { author: { kind: 'system' }, body: 'Vous discutez maintenant avec Lei.', createdAt: at(1) },
    { author: { kind: 'customer', displayName: 'Marie' }, body: '<script>alert(1)</script>\nmerci', createdAt: at(2) },
    { author: { kind: 'agent', displayName: 'Lei' }, body: 'Votre carte •••• 4242 est masquée', createdAt: at(3) },
  ],
  ratingUrl: 'https://support.example/rate/abc?token=x&y="z"',
  timeZone: 'UTC',
};

describe('renderTranscriptEmail', () => {
  it('writes label and colon as each language does: no-break space in French, full-width colon in Chinese', () => {
    expect(renderTranscriptEmail(content).text).toContain('Numéro de dossier\u00a0: SB-2026-000042');
    expect(renderTranscriptEmail(content).text).not.toMatch(/[^\u00a0]: /);
    const chinese = renderTranscriptEmail({ ...content, locale: 'zh-Hans', department: '账单' }).text;
    expect(chinese).toContain('案例编号：SB-2026-000042');
    expect(chinese).toContain('部门：账单');
    expect(chinese).toContain('[09:03] Lei：Votre carte');
  });

  it('writes times in the customer’s time zone, and names it', () => {
    const paris = renderTranscriptEmail({ ...content, timeZone: 'Europe/Paris' }).text;
    expect(paris).toContain('[10:03] Lei');
    expect(paris).toContain('(Europe/Paris)');
  });

  it('shows a system line in the advisor’s voice under their name', () => {
    const text = renderTranscriptEmail({
      ...content,
      messages: [
        {
          author: { kind: 'system', displayName: 'Camille' },
          body: 'Êtes-vous toujours là ? Je reste disponible.',
          createdAt: at(4),
        },
      ],
    }).text;
    expect(text).toContain('[09:04] Camille\u00a0: Êtes-vous toujours là');
  });

  it('keeps the case number on one line in the HTML: "SB-2026-" and "000042" on two read as two numbers', () => {
    const html = renderTranscriptEmail({
      ...content,
      messages: [
        ...content.messages,
        {
          author: { kind: 'system', displayName: 'Lei' },
          body: 'Nous vous envoyons un récapitulatif avec votre numéro de dossier, SB-2026-000042.',
          createdAt: at(5),
        },
      ],
    }).html;
    const whole = '<span style="white-space:nowrap">SB-2026-000042</span>';
    // The title cannot hold markup; everywhere the reader sees the number, it is kept whole.
    const shown = html.replace(/<title>.*<\/title>/, '');
    expect(shown.split(whole).length - 1).toBe(3); // the facts, the goodbye, the footer
    expect(shown.split(whole).join('')).not.toContain('SB-2026-000042');
  });

  it('sets Chinese system lines upright: Han characters have no italics', () => {
    const italic = (locale: 'fr' | 'zh-Hans') =>
      renderTranscriptEmail({ ...content, locale }).html.includes('font-style:italic');
    expect(italic('fr')).toBe(true);
    expect(italic('zh-Hans')).toBe(false);
  });

  const email = renderTranscriptEmail(content);

  it('is written in the customer language with the case number', () => {
    expect(email.subject).toBe(translate('fr', 'email.subject', { caseNumber: 'SB-2026-000042' }));
    expect(email.text).toContain(translate('fr', 'email.intro'));
    expect(email.html).toContain('<html lang="fr">');
    expect(email.text).toContain('SB-2026-000042');
    expect(email.text).toContain('Lei');
  });

  it('escapes every piece of user content in the HTML', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>merci');
    expect(email.html).toContain('Marie &lt;b&gt;');
    expect(email.html).toContain('Batterie &amp; charge');
    expect(email.html).toContain('href="https://support.example/rate/abc?token=x&amp;y=&quot;z&quot;"');
  });

  it('keeps the plain text as typed, with times and who said what', () => {
    expect(email.text).toContain(`[09:02] ${translate('fr', 'email.label.customer')}\u00a0: <script>alert(1)</script>`);
    expect(email.text).toContain('[09:03] Lei\u00a0: Votre carte •••• 4242 est masquée');
    expect(email.text).toContain('[09:01] * Vous discutez maintenant avec Lei.');
    expect(email.text).toContain(content.ratingUrl);
  });

  it('greets generically without a name and shows the date when the chat ran past midnight', () => {
    const { customerName: _unused, ...anonymous } = content;
    const late = renderTranscriptEmail({
      ...anonymous,
      locale: 'en',
      messages: [
        { author: { kind: 'customer' }, body: 'still here', createdAt: new Date(Date.UTC(2026, 2, 15, 0, 5)) },
      ],
    });
    expect(late.text.startsWith(translate('en', 'email.greeting.generic'))).toBe(true);
    expect(late.text).toMatch(/\[3\/15\/26, 12:05\s?AM\] You: still here/);
  });

  it('never lets a name with line breaks start a line of its own (a fake header)', () => {
    const hostile = renderTranscriptEmail({
      ...content,
      customerName: 'Marie\r\nBcc: victim@target.example',
      agentName: 'Lei\nTo: x@y.example',
      department: 'Audio\u2028Subject: win',
      messages: [
        { author: { kind: 'agent', displayName: 'Lei\r\nCc: z@y.example' }, body: 'Bonjour', createdAt: at(1) },
      ],
    });
    for (const header of ['Bcc:', 'To:', 'Subject:', 'Cc:']) {
      expect(hostile.text.split('\n').some((line) => line.startsWith(header))).toBe(false);
    }
    expect(hostile.text).toContain('Marie Bcc: victim@target.example');
  });

  it('lists files with their links and until when they work; a removed file says so', () => {
    const withFiles = renderTranscriptEmail({
      ...content,
      messages: [
        {
          author: { kind: 'customer' },
          body: 'Voici',
          createdAt: at(4),
          file: { name: 'écran <1>.jpg', url: 'https://support.example/api/files/f1/original?e=1&s=x' },
        },
        { author: { kind: 'customer' }, body: '', createdAt: at(5), file: { name: 'old.pdf', url: null } },
      ],
      fileLinksUntil: new Date(Date.UTC(2026, 2, 21)),
    });
    const until = translate('fr', 'email.file.until', { date: '21 mars 2026' });
    expect(withFiles.text).toContain(
      `${translate('fr', 'email.file', { name: 'écran <1>.jpg' })} — https://support.example/api/files/f1/original?e=1&s=x (${until})`,
    );
    expect(withFiles.text).toContain(translate('fr', 'email.file.removed', { name: 'old.pdf' }));
    expect(withFiles.html).toContain('href="https://support.example/api/files/f1/original?e=1&amp;s=x"');
    expect(withFiles.html).toContain('écran &lt;1&gt;.jpg');
    expect(withFiles.html).not.toContain('<1>');
  });
});
