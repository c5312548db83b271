import type { ConnectionEvents } from './socket-port.js';

/** The first wait after a refusal; each refusal in a row doubles it, up to {@link LONGEST_WAIT_MS}. */
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 30_000;

/**
 * What a client does when the server refuses its handshake *for now*
 * (`connect_error` whose data is a retryable ErrorPayload: RATE_LIMITED,
 * STORE_UNAVAILABLE while the database restarts). Socket.IO never retries a
 * handshake that a middleware refused, so without this a desk or a widget
 * stays offline until the page is reloaded. It comes back later, a little
 * later each time (1 s, 2 s, 4 s … 30 s, each taken as 50–100 % so a
 * recovering server is not met by every client at once), and from the short
 * wait again once a session was ready. A refusal that will not change
 * (ORIGIN_NOT_ALLOWED, UNAUTHENTICATED) is left to the client, and a
 * transport failure to Socket.IO's own reconnection.
 */
export class HandshakeRetry {
  /** Retryable refusals in a row since the last ready session. */
  private refusals = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly connect: () => void) {}

  readonly onConnectError: ConnectionEvents['connect_error'] = (error) => {
    if (error.data?.retryable !== true) return;
    const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** this.refusals) * (0.5 + Math.random() / 2);
    this.refusals += 1;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.connect();
    }, wait);
  };

  /** The server said the session is ready: the handshake went through. */
  readonly onSessionReady = (): void => {
    this.refusals = 0;
  };

  /** The client let go of the socket (or disposed of it): no attempt planned any more. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
