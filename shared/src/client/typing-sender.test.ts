import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingSender } from './typing-sender.js';

describe('TypingSender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function sender() {
    const sent: boolean[] = [];
    return { sent, typing: new TypingSender((typing) => sent.push(typing)) };
  }

  it('says "typing" once, refreshes it while typing goes on, and stops after a pause', async () => {
    const { sent, typing } = sender();
    typing.keystroke();
    await vi.advanceTimersByTimeAsync(1_000);
    typing.keystroke();
    expect(sent).toEqual([true]);
    await vi.advanceTimersByTimeAsync(2_500);
    typing.keystroke();
    expect(sent).toEqual([true, true]);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(sent).toEqual([true, true, false]);
  });

  it('stops once when asked, and says nothing more if it was not typing', async () => {
    const { sent, typing } = sender();
    typing.stop();
    typing.keystroke();
    typing.stop();
    typing.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual([true, false]);
  });
});
