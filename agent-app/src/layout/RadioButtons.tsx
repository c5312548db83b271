import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  className?: string;
  keyShortcuts?: string;
}

/** Where each key moves in a group of `count` options (wrapping, as native radios do). */
const MOVES: Partial<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowDown: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  ArrowUp: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * Buttons that behave as one radio group, as the ARIA radio pattern (and a
 * native radio group) does: a single Tab stop on the checked option, and the
 * arrow keys move to the next option and check it. Buttons rather than
 * native radios so each option can look like a segment of a switch.
 */
export function RadioButtons<T extends string>({
  label,
  options,
  value,
  onChange,
  className,
}: {
  label: string;
  options: readonly RadioOption<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  className?: string;
}) {
  const group = useRef<HTMLDivElement>(null);
  const checked = options.findIndex((option) => option.value === value);
  const tabStop = checked < 0 ? 0 : checked;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const move = MOVES[event.key];
    // Alt/Ctrl/Meta + arrows belong to the desk's shortcuts (next chat, …).
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = move(index, options.length);
    const option = options[next];
    if (!option) return;
    group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[next]?.focus();
    if (option.value !== value) onChange(option.value);
  };

  return (
    <div ref={group} className={className} role="radiogroup" aria-label={label}>
      {options.map((option, index) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={option.value === value}
          aria-keyshortcuts={option.keyShortcuts}
          tabIndex={index === tabStop ? 0 : -1}
          className={option.className}
          onClick={() => {
            onChange(option.value);
          }}
          onKeyDown={(event) => {
            onKeyDown(event, index);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
