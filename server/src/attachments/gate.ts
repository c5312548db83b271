/**
 * Runs at most `limit` tasks at once; the others wait their turn in order.
 * (For CPU- and memory-heavy steps such as decoding images.)
 */
export function createGate(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      running += 1;
      try {
        return await task();
      } finally {
        running -= 1;
        waiting.shift()?.();
      }
    },
  };
}
