import type { AgentSession, ErrorPayload } from '@switchboard/shared';

/** A REST call that failed; `status` 401 means the session is gone. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: ErrorPayload,
  ) {
    super(error.message);
  }
}

let csrfToken: string | undefined;
const expiredListeners = new Set<() => void>();

/** Called when any request answers 401 after sign-in: the desk goes back to the sign-in page. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  // The cookie authenticates; the token proves the request comes from this app (CSRF).
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => ({}))) as { error?: ErrorPayload } & T;
  if (!response.ok) {
    const error = parsed.error ?? { code: 'INTERNAL', message: response.statusText, retryable: false };
    if (response.status === 401 && csrfToken !== undefined && !path.startsWith('/api/auth/')) {
      for (const listener of expiredListeners) listener();
    }
    throw new ApiError(response.status, error);
  }
  return parsed;
}

export const api = {
  async signIn(email: string, password: string): Promise<AgentSession> {
    const session = await call<AgentSession>('POST', '/api/auth/sign-in', { email, password });
    csrfToken = session.csrfToken;
    return session;
  },
  /** The current session, or null when signed out or expired. */
  async me(): Promise<AgentSession | null> {
    try {
      const session = await call<AgentSession>('GET', '/api/auth/me');
      csrfToken = session.csrfToken;
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  async signOut(): Promise<void> {
    await call('POST', '/api/auth/sign-out').catch(() => undefined);
    csrfToken = undefined;
  },
  forget(): void {
    csrfToken = undefined;
  },
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  delete: <T>(path: string) => call<T>('DELETE', path),
};
