import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/rest.js';
import { toFormError } from './admin-request.js';

const refusal = (code: string, details?: unknown) =>
  new ApiError(409, { code, message: 'server words', ...(details === undefined ? {} : { details }) } as never);

describe('a refused admin call, as the form says it', () => {
  it('says why when the server gives a reason the app has a sentence for', () => {
    // Erasing a customer who is chatting: not "That name is already taken".
    expect(toFormError(refusal('CONFLICT', { reason: 'live-conversation' })).text).toBe(
      'This customer is chatting right now. Close their chat first, then erase.',
    );
  });

  it('falls back to the code’s sentence, then to the server’s message', () => {
    expect(toFormError(refusal('CONFLICT', { reason: 'something-new' })).text).toBe('That name is already taken.');
    expect(toFormError(refusal('RATE_LIMITED')).text).toBe("That didn't work: server words");
  });
});
