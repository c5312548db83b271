import type { Span } from './cards.js';

/*
 * A password is found by its announcement ("my password is", "mdp :",
 * "пароль:", "密码是") and masked by the one token that follows it. Every
 * pattern is a literal keyword then separators; the only repeated group is
 * bounded ({1,3} words) and alternates spaces with non-spaces, so no input can
 * make matching worse than linear. The token itself
 * is read by hand.
 */

const H = '[ \\t\\u00a0\\u3000]';
/** Up to three words between the keyword and its separator: "password for my Apple ID is …". */
const about = (words: string): string => `(?:${H}+(?:${words})(?:${H}+[^\\s:=：]{1,40}){1,3}?)?`;
const COLON = `${H}*[:=：]${H}*`;
const copula = (verbs: string): string => `${H}+(?:${verbs})(?:${H}*[:：]${H}*|${H}+)`;

interface Trigger {
  pattern: RegExp;
  /** No separator, so the token must look like a password, not like the rest of a sentence. */
  weak: boolean;
  /** Latin and Cyrillic keywords must start a word; Chinese has no spaces to look for. */
  wordStart: boolean;
}

const trigger = (source: string, weak: boolean, wordStart = true): Trigger => ({
  pattern: new RegExp(source, 'giu'),
  weak,
  wordStart,
});

const EN_KEYWORD =
  'pass ?words?|passcodes?|passwd|pwd|pw|pin(?: ?code| number)?|verification code|security code|one-time code|otp|cvv2?|cvc2?';
const FR_KEYWORD = `mots? de passe|mdp|code(?: pin| secret| confidentiel| d['’]accès| de (?:vérification|verrouillage|déverrouillage|sécurité))|cryptogramme`;
const RU_KEYWORD = 'пароль|код-пароль|пин-код|pin-код|пин|код подтверждения|код из смс';
const ZH_KEYWORD = '密[码碼]|口令|pin ?[码碼]|验证码|驗證碼|安全[码碼]';

const TRIGGERS: readonly Trigger[] = [
  trigger(`(${EN_KEYWORD})${about('for|to|of|on')}(?:${COLON}|${copula('is|was')})`, false),
  trigger(`(${FR_KEYWORD})${about('de|du|des|pour')}(?:${COLON}|${copula("est|était|c['’]est")})`, false),
  trigger(
    `(${RU_KEYWORD})${about('от|для|к')}(?:${H}+такой)?(?:${COLON}|${H}*[—–]${H}*|${H}+-${H}+|${copula('это')})`,
    false,
  ),
  trigger(`(${ZH_KEYWORD})${H}*(?:就?是|[为為]|[:：=])(?:${H}*[:：])?${H}*`, false, false),
  // "мой пароль qwerty123", "PIN 1234", "密码123456": no separator, so stricter on the token.
  trigger(`(?:мой|наш)${H}+(пароль|код-пароль|пин-код)${H}+`, true),
  trigger(`(pin|пин-код|pin-код|passcode|cvv2?|cvc2?)${H}+`, true),
  trigger(`(${ZH_KEYWORD})${H}*`, true, false),
];

/** PINs and one-time codes are numbers; "the pin is bent" is about a connector. */
const NUMERIC_KEYWORD =
  /^(?:pin|пин|cvv|cvc|otp|one-time|verification|security|код|code(?! secret)|cryptogramme|验证码|驗證碼|安全)/iu;

/*
 * Tokens that continue a sentence instead of giving a password: "my password
 * is wrong", "mot de passe : oublié", "пароль: неверный". Compared lowercased
 * without trailing punctuation.
 */
const STOP_WORDS = new Set(
  [
    // en
    'a an the my your his her our their its it this that these those not no now still too very so also just same',
    'different wrong incorrect invalid correct right ok okay fine weak strong short long new old case empty blank',
    'what which how why where when who whom in on at for to of and or but with without by as if is was',
    'never always definitely probably mine there here unknown forgotten lost gone broken bad good stuck reset set',
    'sent none nothing something actually really apple icloud id account email e-mail gmail wifi wi-fi',
    'please help same again anymore showing asking required',
    // fr
    'le la les un une des du de mon ma mes ton ta tes votre vos notre nos pas ne plus toujours encore déjà bien',
    'bon bonne mauvais faux fausse correcte invalide bloqué expiré oublié perdu changé trop très vide même',
    'quoi quel quelle comment pourquoi où dans sur pour avec sans et ou mais oui non ça ce cela sensible',
    'nécessaire requis erroné introuvable identifiant refusé',
    // ru
    'не нет был была было это что как где почему от для к в на и а но или уже тоже также ещё еще все всё',
    'слишком очень такой такая неверный неправильный правильный забыл забыла потерян сброшен заблокирован',
    'старый новый мой моя тот же сбросить',
  ]
    .join(' ')
    .split(' '),
);

/** Inflected words read as prose (expired, working, bloqué, неверный), not as a password. */
const LATIN_PROSE = /^[a-zà-ÿ]+(?:ed|ing|ly|able|ible|ment|é|ée|és|ées)$/u;
const CYRILLIC_PROSE = /^[а-яё]+(?:ный|ной|ий|ая|ое|ые|ся|сь|ет|ут|ют|ит|ат|ят|ал|ил|ел|ла|ли|ло)$/u;

const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»', '「': '」' };
const TRAILING = new Set(['.', ',', ';', ':', '?', ')', ']', '}', '»', '"', "'", '”', '’', '…']);
const MAX_VALUE = 128;
const MAX_QUOTED = 64;

/** Whitespace, CJK and full-width punctuation end a token: "密码是abc123，谢谢" gives "abc123". */
function endsToken(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200b) ||
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

function readToken(text: string, pos: number): Span | undefined {
  const close = QUOTES[text.charAt(pos)];
  if (close !== undefined) {
    const end = text.indexOf(close, pos + 1);
    const inner = text.slice(pos + 1, end);
    const trimmed = inner.trim();
    if (end > pos + 1 && end - pos <= MAX_QUOTED && trimmed !== '' && !inner.includes('\n')) {
      const start = pos + 1 + inner.indexOf(trimmed);
      return { start, end: start + trimmed.length };
    }
  }
  let end = pos;
  while (end < text.length && end - pos < MAX_VALUE && !endsToken(text.charCodeAt(end))) end++;
  // One-time codes are often written in groups: "552 190".
  while (
    end - pos < MAX_VALUE &&
    /^\d+( \d+)*$/.test(text.slice(pos, end)) &&
    text[end] === ' ' &&
    /\d/.test(text.charAt(end + 1))
  ) {
    end++;
    while (end - pos < MAX_VALUE && /\d/.test(text.charAt(end))) end++;
  }
  while (end > pos && TRAILING.has(text.charAt(end - 1))) end--;
  return end > pos ? { start: pos, end } : undefined;
}

function plausible(value: string, keyword: string, weak: boolean): boolean {
  if (/^•+$/u.test(value)) return false; // already masked
  const bare = value.replace(/[!.,;:?…)\]}»"'”’]+$/u, '').toLowerCase();
  if (bare.length < 3 || STOP_WORDS.has(bare)) return false;
  if (NUMERIC_KEYWORD.test(keyword.toLowerCase())) {
    return weak ? /^\d{3,8}$/.test(bare) : /\d/.test(bare);
  }
  // Weak tokens start with a letter or digit, so "密码:abc123" is left to the explicit trigger.
  if (weak)
    return (
      /^[a-z0-9]/.test(bare) && !/[а-яё]/iu.test(bare) && bare.length >= 4 && (/\d/.test(bare) || bare.length >= 6)
    );
  return !LATIN_PROSE.test(bare) && !CYRILLIC_PROSE.test(bare);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK = /[\u2e80-\u9fff]/u;

/** The password values announced in the text (the values only, not the phrases). */
export function findPasswords(text: string): Span[] {
  const found: Span[] = [];
  for (const { pattern, weak, wordStart } of TRIGGERS) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const at = match.index;
      const end = at + match[0].length;
      const prev = text.charAt(at - 1);
      if (wordStart && prev !== '' && WORD_CHAR.test(prev) && !CJK.test(prev)) {
        pattern.lastIndex = at + 1;
        continue;
      }
      const token = readToken(text, end);
      if (token !== undefined && plausible(text.slice(token.start, token.end), match[1] ?? '', weak)) {
        found.push(token);
      }
      pattern.lastIndex = Math.max(end, at + 1);
    }
  }
  return found;
}
