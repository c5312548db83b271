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
  const body = { tagName: 'BODY' };
  let activeElement: unknown;
  const container = () => {
    const control = { focus: vi.fn() };
    const chosenByCustomer = { tagName: 'INPUT' };
    const element = {
      querySelector: () => control,
      contains: (node: unknown) => node === control || node === chosenByCustomer,
    } as unknown as HTMLElement;
    return { control, chosenByCustomer, element };
  };

  beforeEach(() => {
    frames = new Map();
    frameHasFocus = true;
    activeElement = body;
    let next = 1;
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
      frames.set(next, callback);
      return next++;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
    vi.stubGlobal('document', {
      hasFocus: () => frameHasFocus,
      body,
      get activeElement() {
        return activeElement;
      },
    });
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

  it('leaves focus on a field of the new step the customer reached before the frame came', () => {
    const { control, chosenByCustomer, element } = container();
    focusFirst(element);
    activeElement = chosenByCustomer; // tapped the email field while the phone was busy
    runFrames();
    expect(control.focus).not.toHaveBeenCalled();
  });

  it('still focuses the step when focus is outside it (the header, or the button that went away)', () => {
    const { control, element } = container();
    focusFirst(element);
    activeElement = { tagName: 'BUTTON' }; // e.g. the header's close button
    runFrames();
    expect(control.focus).toHaveBeenCalledOnce();
  });
});
