/**
 * Every error the server can report, with the HTTP status used on REST and
 * whether a client should retry the same request (with the same ids).
 * Codes are stable API: clients switch on them; messages are for logs and developers.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, retryable: false },
  /** A pre-chat field the admins' saved widget settings require is missing; `details.fields` names them. */
  PRECHAT_FIELD_REQUIRED: { status: 400, retryable: false },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false },
  /** A request body in an encoding or charset the server does not read (e.g. `Content-Encoding: zstd`). */
  UNSUPPORTED_MEDIA_TYPE: { status: 415, retryable: false },
  UNKNOWN_EVENT: { status: 400, retryable: false },
  PROTOCOL_VERSION_UNSUPPORTED: { status: 426, retryable: false },
  UNAUTHENTICATED: { status: 401, retryable: false },
  FORBIDDEN: { status: 403, retryable: false },
  ORIGIN_NOT_ALLOWED: { status: 403, retryable: false },
  CSRF_FAILED: { status: 403, retryable: false },
  IDENTITY_INVALID: { status: 401, retryable: false },
  NOT_FOUND: { status: 404, retryable: false },
  /** A download asked for bytes past the end of the file (`Range`); `Content-Range` gives its size. */
  RANGE_NOT_SATISFIABLE: { status: 416, retryable: false },
  CONFLICT: { status: 409, retryable: false },
  CONVERSATION_CLOSED: { status: 409, retryable: false },
  /** An agent blocked this visitor (or their address): the widget says politely that chat is not available. */
  VISITOR_BLOCKED: { status: 403, retryable: false },
  RATE_LIMITED: { status: 429, retryable: true },
  STORE_UNAVAILABLE: { status: 503, retryable: true },
  UNAVAILABLE: { status: 503, retryable: true },
  TIMEOUT: { status: 504, retryable: true },
  INTERNAL: { status: 500, retryable: true },
} as const satisfies Record<string, { status: number; retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The error as it travels on the wire (socket acks and REST bodies). Never a stack. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  details?: unknown;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The one error type of Switchboard. Throw it anywhere; boundaries turn it into an {@link ErrorPayload}. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }

  /** An AppError as it is, anything else as `INTERNAL` (the original kept as `cause` for logs). */
  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    return new AppError('INTERNAL', 'Something went wrong on our side.', undefined, { cause: error });
  }

  /** Rebuilds the error a server sent, e.g. in a client's ack handler. */
  static fromPayload(payload: ErrorPayload): AppError {
    return new AppError(isErrorCode(payload.code) ? payload.code : 'INTERNAL', payload.message, payload.details);
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.details !== undefined) payload.details = this.details;
    return payload;
  }
}
