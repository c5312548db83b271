import type { Locale } from '@switchboard/shared';
import { escapeHtml } from '../mail/html-escape.js';
import { replyText } from './reply-email-texts.js';
import type { RenderedEmail } from './transcript-email.js';

/** An agent's answer to a message the customer left while nobody could chat. */
export interface ReplyContent {
  locale: Locale;
  caseNumber: string;
  customerName?: string;
  agentName?: string;
  /** The agent's reply, as stored (masked where it looked like a secret). */
  reply: string;
  /** What the customer wrote, quoted below the reply so the answer reads in context. */
  original?: { body: string; at: Date };
  /** IANA zone the quoted date is written in. */
  timeZone: string;
}

const quote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');

/**
 * Written as a reply, not a summary: the agent's words first, signed with
 * their name, how to answer, then the customer's own message quoted. No
 * system lines ("You're now chatting with…"): the customer never was in a
 * chat. Plain text and HTML; the HTML escapes every piece of user content.
 */
export function renderReplyEmail(content: ReplyContent): RenderedEmail {
  const { locale, caseNumber } = content;
  const greeting = content.customerName
    ? replyText(locale, 'greeting', { customerName: content.customerName })
    : replyText(locale, 'greeting.generic');
  const signature = content.agentName
    ? replyText(locale, 'signature', { agentName: content.agentName })
    : replyText(locale, 'signature.generic');
  const answer = replyText(locale, 'answer', { caseNumber });
  const subject = `Re: ${replyText(locale, 'subject', { caseNumber })}`;
  const quoted = content.original
    ? {
        heading: replyText(locale, 'quoteHeading', {
          date: new Intl.DateTimeFormat(locale, {
            dateStyle: 'long',
            timeStyle: 'short',
            timeZone: content.timeZone,
          }).format(content.original.at),
        }),
        body: content.original.body,
      }
    : null;

  const text = [
    greeting,
    '',
    content.reply,
    '',
    signature,
    '',
    '—',
    answer,
    ...(quoted ? ['', quoted.heading, quote(quoted.body)] : []),
    '',
  ].join('\n');

  const e = escapeHtml;
  const paragraph = (value: string) => e(value).replace(/\r?\n/g, '<br>');
  const html = `<!doctype html>
<html lang="${e(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f7;font-family:-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif;color:#1d1d1f">
<div style="max-width:640px;margin:0 auto;background:#fff;border-radius:12px;padding:24px">
<p>${e(greeting)}</p>
<p>${paragraph(content.reply)}</p>
<p>${e(signature)}</p>
<p style="color:#6e6e73;font-size:13px;border-top:1px solid #e5e5ea;padding-top:12px">${e(answer)}</p>
${
  quoted
    ? `<p style="color:#6e6e73;font-size:13px;margin-bottom:4px">${e(quoted.heading)}</p>
<blockquote style="margin:0;padding:0 0 0 12px;border-left:3px solid #d2d2d7;color:#424245">${paragraph(quoted.body)}</blockquote>`
    : ''
}
</div>
</body>
</html>
`;
  return { subject, text, html };
}
