import { AppError } from '@switchboard/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { toAppError } from './app-errors.js';
import type { Logger } from './logger.js';

/** REST errors look like socket errors: `{error:{code,message,retryable,details?}}` with the code's HTTP status. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (caught: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(caught);
      return;
    }
    const error = fromExpressError(caught);
    if (error.code === 'INTERNAL') logger.error({ err: caught }, 'request failed');
    res.status(error.status).json({ error: error.toPayload() });
  };
}

/** Body-parser errors carry a `type`; map them to our codes instead of INTERNAL. */
function fromExpressError(caught: unknown): AppError {
  if (caught instanceof AppError) return caught;
  const type = (caught as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (type === 'entity.parse.failed') return new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.');
  // A client's choice, not our failure: no stack in the error log, nothing to retry.
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body is in an encoding the server does not read.', {
      accepted: ['identity', 'gzip', 'deflate', 'br'],
    });
  }
  return toAppError(caught);
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new AppError('NOT_FOUND', 'No such route.'));
};
