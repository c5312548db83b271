import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  /** Shown after the label, e.g. "(optional)". */
  hint?: string | undefined;
  error?: string | undefined;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its validation message tied to it for screen readers. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="sb-field">
      <label htmlFor={id}>
        {label}
        {hint ? <span className="sb-hint"> {hint}</span> : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), ...(error ? { 'aria-describedby': errorId } : {}) })}
      {error ? (
        <p className="sb-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
