// @vitest-environment jsdom
import type { AgentConversationView, TranscriptDeliveryView } from '@switchboard/shared';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatState } from '../desk/desk-state.js';
import { CustomerPanel } from './CustomerPanel.js';

const view = (fields: Partial<AgentConversationView> = {}): AgentConversationView => ({
  id: 'c1',
  caseNumber: 'SB-2026-0042',
  status: 'active',
  topic: 'iphone-battery',
  language: 'fr',
  lastSeq: 3,
  createdAt: '2026-03-02T09:00:00.000Z',
  customer: { id: 'u1', name: 'Marie Dupont', email: 'marie@example.com', verified: true },
  receipts: { customer: { deliveredSeq: 0, readSeq: 0 }, agent: { deliveredSeq: 0, readSeq: 0 } },
  ...fields,
});

const chat = (fields: Partial<AgentConversationView> = {}): ChatState => ({
  view: view(fields),
  messages: [],
  pending: [],
  hasOlder: false,
  loadingOlder: false,
  customerTyping: false,
  unread: 0,
});

const delivery = (fields: Partial<TranscriptDeliveryView>): TranscriptDeliveryView => ({
  id: 'd1',
  conversationId: 'c1',
  requestId: 'close',
  trigger: 'close',
  to: 'marie@example.com',
  status: 'sent',
  attempts: [],
  messageId: '<m@x>',
  queuedAt: '2026-03-01T10:00:00.000Z',
  ...fields,
});

/** The server as the panel sees it: REST answers by method and path; POST bodies recorded. */
function fakeServer() {
  const posts: unknown[] = [];
  const state = {
    log: [] as TranscriptDeliveryView[],
    satisfaction: null as unknown,
    failNextPost: false,
    previous: [] as unknown[],
  };
  const json = (status: number, body: unknown) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  const fetch = vi.fn((path: string, init?: RequestInit) => {
    if (init?.method === 'POST' && path === '/api/conversations/c1/transcripts') {
      posts.push(JSON.parse(init.body as string));
      if (state.failNextPost) {
        state.failNextPost = false;
        return json(503, { error: { code: 'UNAVAILABLE', message: 'Try again shortly.', retryable: true } });
      }
      state.log = [...state.log, delivery({ id: `d${posts.length}`, trigger: 'request', status: 'queued' })];
      return json(202, { requestId: 'x', status: 'queued', to: 'marie@example.com' });
    }
    if (path === '/api/conversations/c1/transcripts') return json(200, { transcripts: state.log });
    if (path === '/api/conversations/c1/satisfaction') return json(200, { satisfaction: state.satisfaction });
    if (path === '/api/customers/u1/conversations') return json(200, { conversations: state.previous });
    return json(404, { error: { code: 'NOT_FOUND', message: 'No such route.', retryable: false } });
  });
  return { fetch, posts, state };
}

describe('<CustomerPanel>', () => {
  let server: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal('fetch', server.fetch);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows who the customer is, the transcript emails so far and their earlier ratings', async () => {
    server.state.log = [
      delivery({}),
      delivery({
        id: 'd2',
        trigger: 'request',
        status: 'failed',
        attempts: [{ at: '2026-03-01T10:01:00.000Z', outcome: 'failed', error: '550 mailbox unavailable' }],
      }),
    ];
    server.state.previous = [
      {
        id: 'c0',
        caseNumber: 'SB-2026-0001',
        status: 'closed',
        topic: 'iphone-battery',
        language: 'fr',
        createdAt: '2026-02-01T10:00:00.000Z',
        satisfaction: { rating: 2, comment: 'Too slow', ratedAt: '2026-02-01T11:00:00.000Z' },
      },
    ];
    render(<CustomerPanel chat={chat()} />);
    expect(screen.getByText('✓ Verified account')).toBeTruthy();
    // The host signs only the account id: the email beside the badge is never shown as verified.
    expect(screen.getByText('(not verified)')).toBeTruthy();
    expect(screen.getByText('SB-2026-0042')).toBeTruthy();
    expect(await screen.findByText('550 mailbox unavailable')).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();
    expect(screen.getByText('Sent')).toBeTruthy();
    expect(await screen.findByText('2 out of 5')).toBeTruthy();
    expect(screen.getByText('Too slow')).toBeTruthy();
    // Still open: the rating comes after the chat ends.
    expect(screen.getByText('Asked for when the chat ends')).toBeTruthy();
  });

  it('shows the rating of the chat once it has ended', async () => {
    server.state.satisfaction = { rating: 5, ratedAt: '2026-03-02T10:00:00.000Z' };
    render(<CustomerPanel chat={chat({ status: 'closed' })} />);
    expect(await screen.findByText('5 out of 5')).toBeTruthy();
  });

  it('emails the transcript with one request id per click, reused when the first try failed', async () => {
    render(<CustomerPanel chat={chat()} />);
    await screen.findByText('No transcript sent for this chat yet.');
    const button = screen.getByRole('button', { name: 'Email transcript to customer' });

    server.state.failNextPost = true;
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toContain('Try again shortly.');
    fireEvent.click(button);
    await screen.findByText('Queued');
    fireEvent.click(button);
    await waitFor(() => {
      expect(server.posts).toHaveLength(3);
    });
    const [first, retry, next] = server.posts as { requestId: string }[];
    expect(retry?.requestId).toBe(first?.requestId);
    expect(next?.requestId).not.toBe(first?.requestId);
  });

  it('offers no sending when the customer left no email', async () => {
    render(<CustomerPanel chat={chat({ customer: { id: 'u1', verified: false } })} />);
    expect(await screen.findByText('The customer left no email address.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Email transcript to customer' })).toBeNull();
  });
});
