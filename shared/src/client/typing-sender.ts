/**
 * One side's typing indicator in one chat (the widget's customer, each chat
 * of the agent desk): one `typing: true` when typing starts, refreshed every
 * few seconds while it goes on (the other side's view expires it after the
 * server's TTL, 6 s), and `false` after a pause, on send or when the text is
 * cleared. Keystrokes in between cost nothing on the wire.
 */
export class TypingSender {
  private active = false;
  private lastSent = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly refreshMs = 3_000,
    private readonly idleMs = 4_000,
  ) {}

  keystroke(): void {
    const now = Date.now();
    if (!this.active || now - this.lastSent >= this.refreshMs) {
      this.active = true;
      this.lastSent = now;
      this.emit(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    if (!this.active) return;
    this.active = false;
    this.emit(false);
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
  }
}
