import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusFirst } from './focus';

describe('focusFirst', () => {
  let frames: Map<number, () => void>;
  let frameHasFocus: boolean;
  const runFrames = () => {
    const pending = [...frames.values()];
    frames.clear();
    for (const callback of pending) callback();
  };
  const container = () => {
    const control = { focus: vi.fn() };
    return { control, element: { querySelector: () => control } as unknown as HTMLElement };
  };

  beforeEach(() => {
    frames = new Map();
    frameHasFocus = true;
    let next = 1;
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
      frames.set(next, callback);
      return next++;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
    vi.stubGlobal('document', { hasFocus: () => frameHasFocus });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('focuses the first control once the step has rendered', () => {
    const { control, element } = container();
    focusFirst(element);
    expect(control.focus).not.toHaveBeenCalled();
    runFrames();
    expect(control.focus).toHaveBeenCalledOnce();
  });

  it('does nothing when cancelled before the next frame', () => {
    const { control, element } = container();
    focusFirst(element)();
    runFrames();
    expect(control.focus).not.toHaveBeenCalled();
  });

  it('leaves focus where it went when the frame lost it first (Enter, then Escape at once)', () => {
    const { control, element } = container();
    focusFirst(element);
    frameHasFocus = false; // the host closed the panel and focused its launcher
    runFrames();
    expect(control.focus).not.toHaveBeenCalled();
  });
});
