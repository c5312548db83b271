import { describe, expect, it } from 'vitest';
import { isValidUserHash, signUserId } from './identity.js';

const secret = 'k'.repeat(32);

describe('host-signed identities', () => {
  it('matches the documented HMAC-SHA256 hex', () => {
    // Computed independently: printf 'user-42' | openssl dgst -sha256 -hmac kkkk…(32)
    expect(signUserId(secret, 'user-42')).toBe('5a072009dcd41adedb893b07f032f3fbbf95985939c6418279526b9d62f44d27');
    expect(isValidUserHash(secret, 'user-42', signUserId(secret, 'user-42'))).toBe(true);
  });

  it('refuses a hash for another user, another secret, or of the wrong length', () => {
    expect(isValidUserHash(secret, 'user-43', signUserId(secret, 'user-42'))).toBe(false);
    expect(isValidUserHash('z'.repeat(32), 'user-42', signUserId(secret, 'user-42'))).toBe(false);
    expect(isValidUserHash(secret, 'user-42', 'abcd')).toBe(false);
  });
});
