/** The desk's keyboard shortcuts: one list for the handler and the `?` overlay. */
export const SHORTCUTS = [
  { id: 'next-chat', keys: 'Alt+↓', description: 'Next chat', code: 'ArrowDown', alt: true },
  { id: 'previous-chat', keys: 'Alt+↑', description: 'Previous chat', code: 'ArrowUp', alt: true },
  { id: 'focus-composer', keys: 'Alt+R', description: 'Reply: focus the message box', code: 'KeyR', alt: true },
  {
    id: 'canned',
    keys: 'Alt+C',
    description: 'Canned responses (or type / in the message box)',
    code: 'KeyC',
    alt: true,
  },
  { id: 'toggle-note', keys: 'Alt+N', description: 'Switch between reply and internal note', code: 'KeyN', alt: true },
  {
    id: 'transfer-chat',
    keys: 'Alt+T',
    description: 'Transfer the chat to a team or colleague',
    code: 'KeyT',
    alt: true,
  },
  { id: 'close-chat', keys: 'Alt+W', description: 'Close the chat with a resolution', code: 'KeyW', alt: true },
  { id: 'help', keys: '?', description: 'Show this list', code: 'Slash', alt: false },
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

/**
 * The shortcut a key press means, if any. `event.code` rather than `key`,
 * because Alt changes the character on macOS (Alt+R types "®"). `?` only
 * counts outside text fields, where it would otherwise be typed.
 */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'key'>,
  inTextField: boolean,
): ShortcutId | undefined {
  if (event.ctrlKey || event.metaKey) return undefined;
  if (!event.altKey) return event.key === '?' && !inTextField ? 'help' : undefined;
  return SHORTCUTS.find((shortcut) => shortcut.alt && shortcut.code === event.code)?.id;
}
