import { findCardNumbers, maskCardNumber, type Span } from './cards.js';
import { findPasswords } from './passwords.js';

export type SecretKind = 'card' | 'password';

/** Where a secret was found, as offsets into the original text (`end` exclusive). */
export interface SecretFinding extends Span {
  kind: SecretKind;
}

export interface SecretScan {
  /** The text with every finding masked; equal to the input when nothing was found. */
  masked: string;
  /** In text order, never overlapping. */
  findings: SecretFinding[];
}

/**
 * Always the same length, so the mask does not reveal how long the password was.
 * A masked text scans clean, which makes masking idempotent.
 */
export const PASSWORD_MASK = '••••••';

/**
 * Finds payment card numbers (Luhn plus a real issuer prefix and length; IMEIs,
 * serial, order, tracking and phone numbers are left alone) and passwords,
 * PINs and one-time codes being typed ("my password is …", "mdp : …",
 * "пароль: …", "密码是…") in any of the five supported languages.
 * Cards keep their last four digits and their grouping (`•••• •••• •••• 4242`);
 * passwords lose the value but keep the phrase (`my password is ••••••`), so an
 * agent still understands what the customer tried to send. Linear time.
 */
export function detectSecrets(text: string): SecretScan {
  const candidates: SecretFinding[] = [
    ...findCardNumbers(text).map((span) => ({ ...span, kind: 'card' as const })),
    ...findPasswords(text).map((span) => ({ ...span, kind: 'password' as const })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  const findings: SecretFinding[] = [];
  let masked = '';
  let cursor = 0;
  for (const finding of candidates) {
    if (finding.start < cursor) continue;
    const secret = text.slice(finding.start, finding.end);
    masked += text.slice(cursor, finding.start) + (finding.kind === 'card' ? maskCardNumber(secret) : PASSWORD_MASK);
    cursor = finding.end;
    findings.push(finding);
  }
  return { masked: masked + text.slice(cursor), findings };
}

/** The text with card numbers and typed passwords masked (see {@link detectSecrets}). */
export function maskSecrets(text: string): string {
  return detectSecrets(text).masked;
}

/** Whether the text holds something {@link detectSecrets} would mask: the widget asks before sending it. */
export function looksLikeSecret(text: string): boolean {
  return detectSecrets(text).findings.length > 0;
}
