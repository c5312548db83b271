/**
 * A client's state as React reads it with useSyncExternalStore: one
 * immutable snapshot, replaced (never changed in place) on every update, so
 * a component re-renders exactly when what it read is a new object.
 */
export class SnapshotStore<State extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(private state: State) {}

  get = (): State => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  update(change: Partial<State>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  dispose(): void {
    this.listeners.clear();
  }
}
