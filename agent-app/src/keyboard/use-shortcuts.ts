import { useEffect, useEffectEvent } from 'react';
import { shortcutFor, type ShortcutId } from './shortcuts.js';

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Calls `run` for the desk's shortcuts anywhere on the page; the latest `run` is always used. */
export function useShortcuts(run: (shortcut: ShortcutId) => void): void {
  // An effect event, not a ref written during render: it always calls the latest `run`.
  const onShortcut = useEffectEvent(run);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event, isTextField(event.target));
      if (!shortcut) return;
      event.preventDefault();
      onShortcut(shortcut);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
