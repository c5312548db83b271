/** Where drafts survive a reload: localStorage in the app, a Map in tests. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Draft {
  text: string;
  /** The composer was in "internal note" mode. */
  note: boolean;
  updatedAt: number;
}

/** Drafts older than this are dropped on load: a week-old half-sentence only confuses. */
const MAX_AGE_MS = 7 * 24 * 60 * 60_000;

/**
 * Per-conversation composer drafts of one agent, kept while switching chats
 * and across reloads. Writes are debounced by the caller; reads are from
 * memory. Stored under one key per agent so two agents on one browser never
 * see each other's drafts.
 */
export class DraftStore {
  private drafts = new Map<string, Draft>();
  private readonly key: string;

  constructor(
    private readonly storage: DraftStorage | undefined,
    agentId: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = `switchboard.drafts.${agentId}`;
    this.load();
  }

  get(conversationId: string): Draft | undefined {
    return this.drafts.get(conversationId);
  }

  /** Saves the composer's content; an empty text without note mode removes the draft. */
  set(conversationId: string, text: string, note = false): void {
    if (text.trim() === '' && !note) this.drafts.delete(conversationId);
    else this.drafts.set(conversationId, { text, note, updatedAt: this.now() });
    this.save();
  }

  clear(conversationId: string): void {
    if (this.drafts.delete(conversationId)) this.save();
  }

  /** Drops drafts of conversations no longer on the desk (closed and dismissed). */
  retain(conversationIds: Iterable<string>): void {
    const keep = new Set(conversationIds);
    let changed = false;
    for (const id of this.drafts.keys()) {
      if (!keep.has(id)) {
        this.drafts.delete(id);
        changed = true;
      }
    }
    if (changed) this.save();
  }

  private load(): void {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return;
      const parsed = JSON.parse(raw) as Record<string, Partial<Record<keyof Draft, unknown>>>;
      const oldest = this.now() - MAX_AGE_MS;
      for (const [id, draft] of Object.entries(parsed)) {
        if (typeof draft.text === 'string' && typeof draft.updatedAt === 'number' && draft.updatedAt >= oldest) {
          this.drafts.set(id, { text: draft.text, note: draft.note === true, updatedAt: draft.updatedAt });
        }
      }
    } catch {
      // A corrupt or foreign value: start empty rather than break the desk.
      this.drafts = new Map();
    }
  }

  private save(): void {
    try {
      if (this.drafts.size === 0) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(Object.fromEntries(this.drafts)));
    } catch {
      // Storage full or disabled: drafts still live in memory for this page.
    }
  }
}
