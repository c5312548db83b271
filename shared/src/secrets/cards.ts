/** A span of the input, `end` exclusive, in UTF-16 code units like `String.prototype.slice`. */
export interface Span {
  start: number;
  end: number;
}

interface Issuer {
  brand: string;
  /** Inclusive ranges over the leading digits; both ends have the same length. */
  prefixes: readonly (readonly [string, string])[];
  lengths: readonly number[];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/*
 * Lengths are deliberately narrower than the brands' theoretical ranges: only
 * Amex is 15 digits long, so a 15-digit IMEI (Luhn-valid by design) can only
 * collide with Amex's 34/37, which are not IMEI reporting-body prefixes.
 * Maestro and Diners lose their rare short/15-digit variants for the same reason.
 */
const ISSUERS: readonly Issuer[] = [
  { brand: 'visa', prefixes: [['4', '4']], lengths: [13, 16, 19] },
  {
    brand: 'mastercard',
    prefixes: [
      ['51', '55'],
      ['2221', '2720'],
    ],
    lengths: [16],
  },
  {
    brand: 'amex',
    prefixes: [
      ['34', '34'],
      ['37', '37'],
    ],
    lengths: [15],
  },
  {
    brand: 'discover',
    prefixes: [
      ['6011', '6011'],
      ['644', '649'],
      ['65', '65'],
    ],
    lengths: range(16, 19),
  },
  { brand: 'jcb', prefixes: [['3528', '3589']], lengths: range(16, 19) },
  { brand: 'unionpay', prefixes: [['62', '62']], lengths: range(16, 19) },
  {
    brand: 'diners',
    prefixes: [
      ['300', '305'],
      ['36', '36'],
      ['38', '39'],
    ],
    lengths: [14, 16, 17, 18, 19],
  },
  // Russian customers pay with Mir; ru is one of our five languages.
  { brand: 'mir', prefixes: [['2200', '2204']], lengths: range(16, 19) },
  {
    brand: 'maestro',
    prefixes: [
      ['5018', '5018'],
      ['5020', '5020'],
      ['5038', '5038'],
      ['5893', '5893'],
      ['6304', '6304'],
      ['6759', '6759'],
      ['6761', '6763'],
    ],
    lengths: range(16, 19),
  },
];

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The card brand whose prefix and length the digits match, if any (Luhn not checked). */
export function cardBrand(digits: string): string | undefined {
  for (const issuer of ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    for (const [from, to] of issuer.prefixes) {
      const head = digits.slice(0, from.length);
      if (head >= from && head <= to) return issuer.brand;
    }
  }
  return undefined;
}

export function isPaymentCardNumber(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && cardBrand(digits) !== undefined && luhnValid(digits);
}

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
const CONTEXT_WINDOW = 32;

/*
 * Words that say what a long number is. The one nearest before the number
 * wins, so "order failed, card 4242…" is still a card. Substrings are matched,
 * so every word here is distinctive enough not to hide inside another word.
 */
const NOT_A_CARD = [
  'imei',
  'meid',
  'iccid',
  'serial',
  's/n',
  'order',
  'tracking',
  'invoice',
  'barcode',
  'bar code',
  'upc',
  'ean-13',
  'ean:',
  'commande',
  'suivi',
  'série',
  'colis',
  'facture',
  'заказ',
  'трек',
  'серийн',
  'накладн',
  '订单',
  '訂單',
  '序列号',
  '序列號',
  '序號',
  '运单',
  '運單',
  '快递单',
  '單號',
];
const CARD_WORDS = ['card', 'carte', 'карт', '卡', 'visa', 'mastercard', 'amex'];

function nearestWordBefore(text: string, pos: number): 'card' | 'other' | undefined {
  const window = text.slice(Math.max(0, pos - CONTEXT_WINDOW), pos).toLowerCase();
  let best = -1;
  let kind: 'card' | 'other' | undefined;
  for (const [words, k] of [
    [NOT_A_CARD, 'other'],
    [CARD_WORDS, 'card'],
  ] as const) {
    for (const word of words) {
      const at = window.lastIndexOf(word);
      if (at >= 0 && at + word.length > best) {
        best = at + word.length;
        kind = k;
      }
    }
  }
  return kind;
}

function describedAsNotACard(text: string, start: number, end: number): boolean {
  const before = nearestWordBefore(text, start);
  if (before !== undefined) return before === 'other';
  // "352099001761481 is my IMEI": only the identifier words, only just after.
  const after = text.slice(end, end + 20).toLowerCase();
  return ['imei', 'meid', 'serial'].some((word) => after.includes(word));
}

/** ASCII and full-width digits (`４２４２`, as CJK keyboards type them) are the same digits. */
const isDigit = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= '\uff10' && ch <= '\uff19'));
const asciiDigit = (ch: string): string => (ch >= '\uff10' ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch);
/**
 * Characters that show nothing: zero-width space, non-joiner and joiner, word
 * joiner, BOM and soft hyphen. Typed (or pasted) between digits they would
 * split a card number for a scanner and not for a reader, so they are looked through.
 */
const isInvisible = (ch: string | undefined): boolean =>
  ch !== undefined && /^[\u200b-\u200d\u2060\ufeff\u00ad]$/.test(ch);
const isGroupSeparator = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '-' || ch === '\u00a0' || ch === '\u3000' || ch === '\uff0d';

/** The next digit at or after `i` past invisible characters, as its index, or -1. */
function digitAfterInvisibles(text: string, i: number): number {
  let j = i;
  while (isInvisible(text[j])) j++;
  return isDigit(text[j]) ? j : -1;
}

/** The ASCII digits of a group (full-width ones converted, invisible characters dropped). */
function digitsOf(text: string, group: Span): string {
  let digits = '';
  for (let i = group.start; i < group.end; i++) {
    const ch = text.charAt(i);
    if (isDigit(ch)) digits += asciiDigit(ch);
  }
  return digits;
}
/** Latin letters glued to digits make a serial or model number, not a card; CJK text around a card is normal. */
const isLatinLetter = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]$/.test(ch);

/**
 * Payment card numbers in the text: 13–19 digits (ASCII or full-width, with any
 * invisible characters between them looked through), optionally grouped by
 * single spaces, no-break or ideographic spaces or dashes, passing Luhn and
 * matching a real issuer's prefix and length. A digit run longer than a card is searched for a card made
 * of whole groups ("4242 4242 4242 4242 12/27" finds the card), never split
 * inside a group. Linear in the text length.
 */
export function findCardNumbers(text: string): Span[] {
  const found: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const groups: Span[] = [];
    let groupStart = i;
    for (;;) {
      for (let next = i; next >= 0; next = digitAfterInvisibles(text, i)) i = next + 1;
      groups.push({ start: groupStart, end: i });
      let separator = i;
      while (isInvisible(text[separator])) separator++;
      if (!isGroupSeparator(text[separator])) break;
      const next = digitAfterInvisibles(text, separator + 1);
      if (next < 0) break;
      i = next;
      groupStart = i;
    }
    const runStart = groups[0]?.start ?? i;
    const before = text[runStart - 1];
    // "+44 …" is a phone number; "A1234…" or "…1234B" a serial; "1.2345…" a decimal.
    const glued =
      before === '+' ||
      isLatinLetter(before) ||
      isLatinLetter(text[i]) ||
      ((before === '.' || before === ',') && isDigit(text[runStart - 2]));
    if (!glued) found.push(...cardsInRun(text, groups));
  }
  return found;
}

function cardsInRun(text: string, groups: readonly Span[]): Span[] {
  const found: Span[] = [];
  let s = 0;
  while (s < groups.length) {
    let digits = '';
    let best = -1;
    for (let e = s; e < groups.length; e++) {
      const group = groups[e];
      if (group === undefined) break;
      digits += digitsOf(text, group);
      if (digits.length > MAX_DIGITS) break;
      if (digits.length >= MIN_DIGITS && isPaymentCardNumber(digits)) best = e;
    }
    const first = groups[s];
    const last = groups[best];
    if (first !== undefined && last !== undefined && !describedAsNotACard(text, first.start, last.end)) {
      found.push({ start: first.start, end: last.end });
      s = best + 1;
    } else {
      s++;
    }
  }
  return found;
}

/** Every digit but the last four becomes a bullet; separators stay, so the shape is still recognisable. */
export function maskCardNumber(card: string): string {
  let keep = 4;
  let out = '';
  for (let i = card.length - 1; i >= 0; i--) {
    const ch = card.charAt(i);
    if (isDigit(ch) && keep-- <= 0) out = '•' + out;
    else out = ch + out;
  }
  return out;
}
