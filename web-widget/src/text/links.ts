/** A piece of a message: plain text, or a link to render as `<a>` with the text as its child. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) URLs and bare www. hosts; stops at whitespace, quotes and angle brackets.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/gi;
// Sentence punctuation after a link belongs to the sentence, not the URL.
const TRAILING = /[.,;:!?…。，；：！？、]+$/;

/** Drops a closing bracket the URL did not open, as in "(see https://a.example/x)". */
function trimUnbalanced(url: string): string {
  let trimmed = url;
  for (;;) {
    const withoutPunctuation = trimmed.replace(TRAILING, '');
    const last = withoutPunctuation.at(-1) ?? '';
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const opener = pairs[last];
    if (opener === undefined) return withoutPunctuation;
    const opens = withoutPunctuation.split(opener).length - 1;
    const closes = withoutPunctuation.split(last).length - 1;
    if (closes <= opens) return withoutPunctuation;
    trimmed = withoutPunctuation.slice(0, -1);
  }
}

/** The link target for a matched URL: http(s) only, parsed by the URL parser, or null. */
function safeHref(text: string): string | null {
  try {
    const url = new URL(/^www\./i.test(text) ? `https://${text}` : text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Splits message text into text and links. Components render each segment as
 * a text node or an `<a>` whose child is the text, so nothing a customer or
 * agent types is ever parsed as HTML, and only http(s) links become clickable.
 */
export function parseLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  const pushText = (value: string) => {
    if (value === '') return;
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += value;
    else segments.push({ kind: 'text', text: value });
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUnbalanced(match[0]);
    const href = url === '' ? null : safeHref(url);
    pushText(text.slice(cursor, match.index));
    if (href === null) pushText(match[0]);
    else {
      segments.push({ kind: 'link', text: url, href });
      pushText(match[0].slice(url.length));
    }
    cursor = match.index + match[0].length;
  }
  pushText(text.slice(cursor));
  return segments;
}
