import type { AckResult, ErrorPayload } from '@switchboard/shared';
import type { DeskTransport } from './transport.js';

/** A refused request, with the server's error (code for logic, message for people). */
export class DeskRequestError extends Error {
  constructor(readonly error: ErrorPayload) {
    super(error.message);
  }
}

/** Acknowledged requests over the desk's socket, each with a timeout. */
export class DeskRequester {
  constructor(
    private readonly transport: DeskTransport,
    private readonly ackTimeoutMs: number,
  ) {}

  /** The server's answer as it came (the Outbox reads `ok: false` itself to decide on retries). */
  raw<T>(event: string, payload: unknown): Promise<AckResult<T>> {
    return this.transport.timeout(this.ackTimeoutMs).emitWithAck(event, payload) as Promise<AckResult<T>>;
  }

  /** The answer's data; a refusal throws {@link DeskRequestError}, a timeout the transport's error. */
  async request<T>(event: string, payload: unknown): Promise<T> {
    const result = await this.raw<T>(event, payload);
    if (!result.ok) throw new DeskRequestError(result.error);
    return result.data;
  }
}
