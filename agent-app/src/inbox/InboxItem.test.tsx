// @vitest-environment jsdom
import type { AgentConversationView, MessageView } from '@switchboard/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatState } from '../desk/desk-state.js';
import { InboxItem } from './InboxItem.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const SLA = { amberMs: 120_000, redMs: 240_000 };

const view: AgentConversationView = {
  id: 'c1',
  caseNumber: 'SB-1',
  status: 'active',
  topic: 'iphone-battery',
  language: 'fr',
  lastSeq: 1,
  createdAt: new Date(T0 - 60_000).toISOString(),
  customer: { id: 'u1', name: 'Marie', verified: false },
  receipts: { customer: { deliveredSeq: 0, readSeq: 0 }, agent: { deliveredSeq: 0, readSeq: 0 } },
};

const fromCustomer: MessageView = {
  id: 'm1',
  conversationId: 'c1',
  seq: 1,
  clientMessageId: 'cm1',
  author: { kind: 'customer' },
  body: 'Ma batterie se décharge',
  internal: false,
  masked: false,
  createdAt: new Date(T0).toISOString(),
};

const chat = (fields: Partial<ChatState> = {}): ChatState => ({
  view,
  messages: [fromCustomer],
  pending: [],
  hasOlder: false,
  loadingOlder: false,
  customerTyping: false,
  unread: 1,
  ...fields,
});

function renderAt(now: number, state = chat()) {
  const onOpen = vi.fn();
  render(
    <ul>
      <InboxItem chat={state} agentId="a1" active={false} now={now} sla={SLA} onOpen={onOpen} />
    </ul>,
  );
  return { onOpen, wait: () => screen.getByText(/waiting on you|answered|closed/i) };
}

describe('<InboxItem>', () => {
  afterEach(cleanup);

  it('counts the wait in m:ss and stays calm before the amber threshold', () => {
    const { wait } = renderAt(T0 + 119_000);
    expect(wait().textContent).toContain('1:59');
    expect(wait().className).toContain('wait--ok');
  });

  it('turns amber at the amber threshold and red at the red one', () => {
    renderAt(T0 + 120_000);
    expect(screen.getByText(/2:00/).className).toContain('wait--amber');
    cleanup();
    renderAt(T0 + 240_000);
    expect(screen.getByText(/4:00/).className).toContain('wait--red');
  });

  it('stops the timer once the agent has answered, whatever the time', () => {
    const reply: MessageView = {
      ...fromCustomer,
      id: 'm2',
      seq: 2,
      author: { kind: 'agent', id: 'a1' },
      createdAt: new Date(T0 + 30_000).toISOString(),
    };
    const { wait } = renderAt(T0 + 600_000, chat({ messages: [fromCustomer, reply], unread: 0 }));
    expect(wait().className).toContain('wait--answered');
  });

  it('shows unread count and opens the chat on click', () => {
    const { onOpen } = renderAt(T0);
    expect(screen.getByLabelText(/1 unread/i).textContent).toBe('1');
    fireEvent.click(screen.getByRole('button'));
    expect(onOpen).toHaveBeenCalledWith('c1');
  });

  it('says "You:" only for this agent\'s own messages; a supervisor\'s line shows their name', () => {
    const mine: MessageView = {
      ...fromCustomer,
      id: 'm2',
      seq: 2,
      author: { kind: 'agent', id: 'a1' },
      body: 'On it.',
    };
    renderAt(T0, chat({ messages: [fromCustomer, mine] }));
    expect(screen.getByText('You: On it.')).toBeTruthy();
    cleanup();
    const supervisor: MessageView = {
      ...mine,
      id: 'm3',
      seq: 3,
      author: { kind: 'agent', id: 's1', displayName: 'Sam' },
      body: 'Sam here.',
    };
    renderAt(T0, chat({ messages: [fromCustomer, mine, supervisor] }));
    expect(screen.getByText('Sam: Sam here.')).toBeTruthy();
    expect(screen.queryByText(/^You:/)).toBeNull();
  });

  it('marks a chat that moved to someone else instead of counting a wait', () => {
    renderAt(
      T0 + 600_000,
      chat({
        released: { conversationId: 'c1', caseNumber: 'SB-1', reason: 'reassigned', byName: 'Sam', toAgentName: 'Lei' },
      }),
    );
    expect(screen.getByText('moved')).toBeTruthy();
    expect(screen.queryByText(/waiting on you/)).toBeNull();
  });
});
