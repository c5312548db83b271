import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts.js';

const key = (code: string, fields: Partial<KeyboardEvent> = {}) => ({
  code,
  key: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...fields,
});

describe('shortcutFor', () => {
  it('maps Alt combinations by physical key', () => {
    expect(shortcutFor(key('ArrowDown', { altKey: true }), true)).toBe('next-chat');
    expect(shortcutFor(key('KeyR', { altKey: true, key: '®' }), false)).toBe('focus-composer');
    expect(shortcutFor(key('KeyW', { altKey: true }), true)).toBe('close-chat');
  });

  it('opens help with ? only outside text fields', () => {
    expect(shortcutFor(key('Slash', { key: '?', shiftKey: true }), false)).toBe('help');
    expect(shortcutFor(key('Slash', { key: '?', shiftKey: true }), true)).toBeUndefined();
  });

  it('leaves browser and OS shortcuts alone', () => {
    expect(shortcutFor(key('KeyW', { altKey: true, ctrlKey: true }), false)).toBeUndefined();
    expect(shortcutFor(key('KeyR'), false)).toBeUndefined();
  });
});
