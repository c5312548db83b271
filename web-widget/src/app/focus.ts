const FOCUSABLE =
  '[data-autofocus], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** Moves focus to the step's first control (or the one marked `data-autofocus`), after it has rendered. */
export function focusFirst(container: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const preferred = container?.querySelector<HTMLElement>('[data-autofocus]');
    (preferred ?? container?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
  });
}
