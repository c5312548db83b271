import type { AuthorKind, Locale } from '@switchboard/shared';
import { labelled, translate } from '@switchboard/shared/i18n';
import { escapeHtml } from '../mail/html-escape.js';

/** What a transcript email shows; messages are the visible ones only (internal notes never get here). */
export interface TranscriptContent {
  locale: Locale;
  caseNumber: string;
  customerName?: string;
  /** The department's name, or the topic the customer picked. */
  department: string;
  agentName?: string;
  startedAt: Date;
  messages: readonly {
    author: { kind: AuthorKind; displayName?: string | null };
    /** As stored: already masked where it looked like a secret. */
    body: string;
    createdAt: Date;
    /** A file the message carried: its link (absolute, expiring), or null once retention removed it. */
    file?: { name: string; url: string | null };
  }[];
  /** When the file links stop working (the email says so). */
  fileLinksUntil?: Date;
  /** The satisfaction link; null when nobody answered the chat (there is nothing to rate). */
  ratingUrl: string | null;
  /** IANA zone the times are written in: the customer's when the widget sent it. */
  timeZone: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The email texts without placeholders. */
type PlainKey =
  | 'email.greeting.generic'
  | 'email.intro'
  | 'email.label.caseNumber'
  | 'email.label.department'
  | 'email.label.agent'
  | 'email.label.date'
  | 'email.label.customer'
  | 'email.transcriptHeading'
  | 'email.rate.prompt'
  | 'email.rate.action'
  | 'email.footer.automated';

function formatters(locale: Locale, timeZone: string) {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone });
  return {
    started: (date: Date) => `${full.format(date)} (${timeZone})`,
    day: (date: Date) => day.format(date),
    /** The time, with the date when the chat ran past the day it started on. */
    at: (date: Date, start: Date) => (day.format(date) === day.format(start) ? time : dayTime).format(date),
  };
}

/**
 * The transcript email in the customer's language: header facts, every
 * visible message with its time, the satisfaction link. The HTML version
 * escapes every piece of user content; the text version needs no escaping.
 */
export function renderTranscriptEmail(input: TranscriptContent): RenderedEmail {
  const content = namesOnOneLine(input);
  const { locale, caseNumber } = content;
  const t = (key: PlainKey) => translate(locale, key);
  const format = formatters(locale, content.timeZone);
  const greeting = content.customerName
    ? translate(locale, 'email.greeting', { customerName: content.customerName })
    : t('email.greeting.generic');
  const facts: [string, string][] = [
    [t('email.label.caseNumber'), caseNumber],
    [t('email.label.department'), content.department],
    ...(content.agentName ? [[t('email.label.agent'), content.agentName] as [string, string]] : []),
    [t('email.label.date'), format.started(content.startedAt)],
  ];
  const lines = content.messages.map((message) => ({
    at: format.at(message.createdAt, content.startedAt),
    // A system line in the advisor's voice carries their name: it reads as theirs, as in the chat.
    who:
      message.author.kind === 'customer'
        ? t('email.label.customer')
        : message.author.kind === 'agent'
          ? (message.author.displayName ?? t('email.label.agent'))
          : (message.author.displayName ?? null),
    body: message.body,
    file: message.file,
  }));
  const until = content.fileLinksUntil
    ? translate(locale, 'email.file.until', { date: format.day(content.fileLinksUntil) })
    : '';
  const fileText = (file: { name: string; url: string | null }) =>
    file.url
      ? `${translate(locale, 'email.file', { name: file.name })} — ${file.url} (${until})`
      : translate(locale, 'email.file.removed', { name: file.name });
  const subject = translate(locale, 'email.subject', { caseNumber });
  const help = translate(locale, 'email.footer.help', { caseNumber });

  const text = [
    greeting,
    '',
    t('email.intro'),
    '',
    ...facts.map(([label, value]) => labelled(locale, label, value)),
    '',
    `— ${t('email.transcriptHeading')} —`,
    '',
    ...lines.flatMap((line) => [
      line.who ? `[${line.at}] ${labelled(locale, line.who, line.body)}` : `[${line.at}] * ${line.body}`,
      ...(line.file ? [`    ${fileText(line.file)}`] : []),
    ]),
    '',
    ...(content.ratingUrl
      ? [t('email.rate.prompt'), labelled(locale, t('email.rate.action'), content.ratingUrl), '']
      : []),
    help,
    t('email.footer.automated'),
    '',
  ].join('\n');

  const e = escapeHtml;
  const paragraph = (value: string) => e(value).replace(/\r?\n/g, '<br>');
  const fileHtml = (file: { name: string; url: string | null } | undefined) =>
    !file
      ? ''
      : file.url
        ? `<br><a href="${e(file.url)}">${e(translate(locale, 'email.file', { name: file.name }))}</a> <span style="color:#6e6e73">(${e(until)})</span>`
        : `<br><span style="color:#6e6e73">${e(translate(locale, 'email.file.removed', { name: file.name }))}</span>`;
  const html = `<!doctype html>
<html lang="${e(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f7;font-family:-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif;color:#1d1d1f">
<div style="max-width:640px;margin:0 auto;background:#fff;border-radius:12px;padding:24px">
<p>${e(greeting)}</p>
<p>${e(t('email.intro'))}</p>
<table role="presentation" style="border-collapse:collapse;margin:16px 0">
${facts.map(([label, value]) => `<tr><th align="left" style="padding:2px 16px 2px 0;color:#6e6e73;font-weight:normal">${e(label)}</th><td style="padding:2px 0">${e(value)}</td></tr>`).join('\n')}
</table>
<h2 style="font-size:17px;margin:24px 0 8px">${e(t('email.transcriptHeading'))}</h2>
<table role="presentation" style="border-collapse:collapse;width:100%">
${lines
  .map((line) =>
    line.who
      ? `<tr><td valign="top" style="padding:6px 12px 6px 0;color:#6e6e73;white-space:nowrap">${e(line.at)}</td><td style="padding:6px 0"><strong>${e(line.who)}</strong><br>${paragraph(line.body)}${fileHtml(line.file)}</td></tr>`
      : `<tr><td valign="top" style="padding:6px 12px 6px 0;color:#6e6e73;white-space:nowrap">${e(line.at)}</td><td style="padding:6px 0;color:#6e6e73;font-style:italic">${paragraph(line.body)}</td></tr>`,
  )
  .join('\n')}
</table>
${
  content.ratingUrl
    ? `<p style="margin-top:24px">${e(t('email.rate.prompt'))}</p>
<p><a href="${e(content.ratingUrl)}" style="display:inline-block;background:#0071e3;color:#fff;padding:10px 18px;border-radius:980px;text-decoration:none">${e(t('email.rate.action'))}</a></p>
`
    : ''
}<p style="color:#6e6e73;font-size:13px">${e(help)}<br>${e(t('email.footer.automated'))}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}

/** Line breaks, other control characters and the Unicode line and paragraph separators. */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]+/gu;
const oneLine = (name: string) => name.replace(LINE_BREAKING, ' ').trim();

/**
 * Names are checked to be one line where they come in, but records stored
 * before that check (or written by hand) must not either: "Marie\r\nBcc: …"
 * in a greeting would read as a header line in the plain-text email.
 */
function namesOnOneLine(content: TranscriptContent): TranscriptContent {
  return {
    ...content,
    ...(content.customerName === undefined ? {} : { customerName: oneLine(content.customerName) }),
    department: oneLine(content.department),
    ...(content.agentName === undefined ? {} : { agentName: oneLine(content.agentName) }),
    messages: content.messages.map((message) => ({
      ...message,
      ...(message.author.displayName
        ? { author: { ...message.author, displayName: oneLine(message.author.displayName) } }
        : {}),
      ...(message.file ? { file: { ...message.file, name: oneLine(message.file.name) } } : {}),
    })),
  };
}
