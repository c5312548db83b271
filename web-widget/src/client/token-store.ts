/** Where the widget keeps the visitor token that resumes the visitor after a reload, so the wait survives it. */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

/** A store that forgets on reload: tests, and browsers that refuse storage to frames. */
export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    get: () => token,
    set: (value) => void (token = value),
    clear: () => void (token = null),
  };
}

/**
 * A partitioned cookie (CHIPS): browsers that refuse storage to third-party
 * frames (Chrome with third-party cookies blocked, which is the default in
 * recent Chromium) still keep it, per top-level site. Path /widget/ keeps it
 * off the socket's requests; it is readable only by the frame's document.
 */
export function partitionedCookieStore(doc: Document = document): TokenStore | null {
  const name = 'sb_visitor';
  const attributes = 'Path=/widget/; SameSite=None; Secure; Partitioned';
  const read = () => new RegExp(`(?:^|; )${name}=([A-Za-z0-9_-]+)`).exec(doc.cookie)?.[1] ?? null;
  try {
    doc.cookie = `${name}-probe=1; Max-Age=60; ${attributes}`;
    if (!doc.cookie.includes(`${name}-probe=1`)) return null;
    doc.cookie = `${name}-probe=; Max-Age=0; ${attributes}`;
  } catch {
    return null;
  }
  return {
    get: read,
    set: (token) => void (doc.cookie = `${name}=${token}; Max-Age=${60 * 60 * 24 * 180}; ${attributes}`),
    clear: () => void (doc.cookie = `${name}=; Max-Age=0; ${attributes}`),
  };
}

/**
 * localStorage, keyed by the server's origin so two Switchboard deployments
 * embedded on one site keep separate visitors. Browsers partition frame
 * storage by the top-level site too, which gives one visitor per site.
 * Storage can throw (privacy modes, blocked third-party storage): then a
 * partitioned cookie keeps the token, and failing that memory (a reload then
 * starts over, which is safe).
 */
export function localTokenStore(serverOrigin: string, storage: Storage | null = safeLocalStorage()): TokenStore {
  const key = `switchboard.visitor:${serverOrigin}`;
  const memory =
    storage === null && typeof document !== 'undefined'
      ? (partitionedCookieStore() ?? memoryTokenStore())
      : memoryTokenStore();
  return {
    get() {
      try {
        return storage?.getItem(key) ?? memory.get();
      } catch {
        return memory.get();
      }
    },
    set(token) {
      memory.set(token);
      try {
        storage?.setItem(key, token);
      } catch {
        // Kept in memory only.
      }
    },
    clear() {
      memory.clear();
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing stored.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    // Reading the property is what throws when third-party storage is blocked.
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
