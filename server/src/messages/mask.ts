import { detectSecrets } from '@switchboard/shared/secrets';

/**
 * Card numbers and typed passwords are masked before storage, so they
 * never reach the database, broadcasts or transcripts; `masked` tells the
 * sender's widget to explain why.
 */
export function maskSecrets(body: string): { text: string; masked: boolean } {
  const result = detectSecrets(body);
  return { text: result.masked, masked: result.findings.length > 0 };
}
