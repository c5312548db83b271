import { detectSecrets, type SecretKind } from '@switchboard/shared/secrets';

/** Catalogue keys of the warning's reasons. */
export type SecretWarningKey = 'secret.card' | 'secret.password';

/**
 * What to tell the customer before sending text that looks like a card
 * number or a password, or null when it can go straight away. The server
 * masks such text anyway; the question gives the customer the chance not to
 * share it at all.
 */
export function secretWarning(text: string): SecretWarningKey[] | null {
  const kinds = new Set<SecretKind>(detectSecrets(text).findings.map((finding) => finding.kind));
  if (kinds.size === 0) return null;
  return [
    ...(kinds.has('card') ? (['secret.card'] as const) : []),
    ...(kinds.has('password') ? (['secret.password'] as const) : []),
  ];
}
