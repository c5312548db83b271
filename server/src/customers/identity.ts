import { createHmac, timingSafeEqual } from 'node:crypto';

/** `hex(HMAC-SHA256(secret, userId))`, what the host site computes on its server. */
export function signUserId(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** Constant-time check of an identity the host site signed with the shared secret (HMAC). */
export function isValidUserHash(secret: string, userId: string, userHash: string): boolean {
  const expected = Buffer.from(signUserId(secret, userId), 'hex');
  const given = Buffer.from(userHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
