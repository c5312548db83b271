import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface ConfirmDialogProps {
  id: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question inside the panel. Escape answers "cancel" and stops there
 * (preventDefault tells the host bridge not to close the whole widget); Tab
 * stays inside; focus returns to where it was when the dialog closes.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('[data-cancel]')?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const buttons = [...(box.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const first = buttons[0];
    const last = buttons.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="sb-overlay">
      <div
        ref={box}
        className="sb-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${props.id}-title`}
        aria-describedby={`${props.id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <div id={`${props.id}-body`}>{props.children}</div>
        <div className="sb-dialog-actions">
          <button type="button" className="sb-secondary" data-cancel onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
          <button type="button" className="sb-primary" onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
