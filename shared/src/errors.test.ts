import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from './errors.js';

describe('AppError', () => {
  it('keeps its code, status and retryability from the table', () => {
    const error = new AppError('RATE_LIMITED', 'slow down', { retryAfterMs: 500 });
    expect(error.status).toBe(429);
    expect(error.retryable).toBe(true);
    expect(error.toPayload()).toEqual({
      code: 'RATE_LIMITED',
      message: 'slow down',
      retryable: true,
      details: { retryAfterMs: 500 },
    });
  });

  it('turns unknown throwables into INTERNAL without leaking their message', () => {
    const error = AppError.from(new Error('password=hunter2 at db.js:12'));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('hunter2');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('passes AppErrors through unchanged', () => {
    const original = new AppError('NOT_FOUND', 'no such conversation');
    expect(AppError.from(original)).toBe(original);
  });

  it('maps an unknown wire code to INTERNAL when rebuilding', () => {
    const rebuilt = AppError.fromPayload({ code: 'NOPE' as never, message: 'x', retryable: false });
    expect(rebuilt.code).toBe('INTERNAL');
  });

  it('gives every code an HTTP error status', () => {
    for (const { status } of Object.values(ERROR_CODES)) expect(status).toBeGreaterThanOrEqual(400);
  });
});
