const FOCUSABLE =
  '[data-autofocus], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Moves focus to the step's first control (or the one marked `data-autofocus`),
 * after it has rendered, if the frame has focus then; returns the cancel.
 * The host page focuses the frame whenever it opens the panel, so a frame
 * without focus means the panel closed meanwhile (Enter, then Escape at once:
 * the host gave focus back to the launcher), and moving focus inside the frame
 * would pull it into the hidden panel. React may run the effect that would
 * cancel this only after the next frame, so the check is made here.
 * On a slow phone that frame can come after the customer has tapped a field
 * of the new step: focus stays where they put it, or their typing would go
 * into the first field instead (seen in loaded browser runs).
 */
export function focusFirst(container: HTMLElement | null): () => void {
  const frame = requestAnimationFrame(() => {
    if (!document.hasFocus()) return;
    const active = document.activeElement;
    if (active && active !== document.body && container?.contains(active)) return;
    const preferred = container?.querySelector<HTMLElement>('[data-autofocus]');
    (preferred ?? container?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
  });
  return () => cancelAnimationFrame(frame);
}
