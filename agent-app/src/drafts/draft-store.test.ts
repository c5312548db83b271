import { describe, expect, it } from 'vitest';
import { DraftStore, type DraftStorage } from './draft-store.js';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => data.set(key, value),
    removeItem: (key) => data.delete(key),
  };
}

describe('DraftStore', () => {
  it('keeps a draft per conversation', () => {
    const store = new DraftStore(memoryStorage(), 'a1');
    store.set('c1', 'Hello Marie');
    store.set('c2', 'checking the order', true);
    expect(store.get('c1')?.text).toBe('Hello Marie');
    expect(store.get('c2')).toMatchObject({ text: 'checking the order', note: true });
  });

  it('survives a reload from the same storage, per agent', () => {
    const storage = memoryStorage();
    new DraftStore(storage, 'a1').set('c1', 'half a sentence');
    expect(new DraftStore(storage, 'a1').get('c1')?.text).toBe('half a sentence');
    expect(new DraftStore(storage, 'a2').get('c1')).toBeUndefined();
  });

  it('forgets empty drafts and clears on send', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage, 'a1');
    store.set('c1', 'x');
    store.set('c1', '   ');
    expect(store.get('c1')).toBeUndefined();
    expect(storage.data.size).toBe(0);
    store.set('c1', 'y');
    store.clear('c1');
    expect(new DraftStore(storage, 'a1').get('c1')).toBeUndefined();
  });

  it('keeps an empty draft in note mode (the toggle is part of the draft)', () => {
    const store = new DraftStore(memoryStorage(), 'a1');
    store.set('c1', '', true);
    expect(store.get('c1')).toMatchObject({ text: '', note: true });
  });

  it('drops week-old drafts and those of conversations no longer on the desk', () => {
    const storage = memoryStorage();
    let now = 1_000_000_000_000;
    const store = new DraftStore(storage, 'a1', () => now);
    store.set('old', 'stale');
    now += 8 * 24 * 60 * 60_000;
    store.set('c1', 'fresh');
    store.set('c2', 'gone soon');
    const reloaded = new DraftStore(storage, 'a1', () => now);
    expect(reloaded.get('old')).toBeUndefined();
    reloaded.retain(['c1']);
    expect(new DraftStore(storage, 'a1', () => now).get('c2')).toBeUndefined();
    expect(new DraftStore(storage, 'a1', () => now).get('c1')?.text).toBe('fresh');
  });

  it('starts empty on corrupt storage and works without storage', () => {
    const storage = memoryStorage();
    storage.setItem('switchboard.drafts.a1', '{not json');
    expect(new DraftStore(storage, 'a1').get('c1')).toBeUndefined();
    const memoryOnly = new DraftStore(undefined, 'a1');
    memoryOnly.set('c1', 'still here');
    expect(memoryOnly.get('c1')?.text).toBe('still here');
  });
});
