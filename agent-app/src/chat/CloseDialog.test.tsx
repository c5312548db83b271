// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloseDialog } from './CloseDialog.js';

beforeAll(() => {
  // jsdom has <dialog> but not its modal API: open it the way a browser would.
  // jsdom versions without it leave the property undefined, whatever the DOM types say.
  const prototype = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  if (typeof prototype.showModal !== 'function') {
    prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.open = true;
    };
  }
});

describe('<CloseDialog>', () => {
  afterEach(cleanup);

  it('asks for a resolution, "resolved" first, and closes with the one chosen', async () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    render(<CloseDialog customerName="Marie" onCancel={vi.fn()} onConfirm={onConfirm} />);
    expect(screen.getByRole('heading').textContent).toContain('Marie');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Resolved' }).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Spam' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close chat' }));
    await waitFor(() => {
      expect(onConfirm).toHaveBeenCalledWith('spam');
    });
  });

  it('disables the button while closing and says so when it failed, so the agent can try again', async () => {
    let fail!: (error: Error) => void;
    const onConfirm = vi.fn(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    render(<CloseDialog customerName="Marie" onCancel={vi.fn()} onConfirm={onConfirm} />);
    const confirm = screen.getByRole<HTMLButtonElement>('button', { name: 'Close chat' });
    fireEvent.click(confirm);
    expect(confirm.disabled).toBe(true);
    fail(new Error('timeout'));
    await screen.findByRole('alert');
    expect(confirm.disabled).toBe(false);
  });

  it('cancels without closing', () => {
    const onCancel = vi.fn();
    const onConfirm = vi.fn(() => Promise.resolve());
    render(<CloseDialog customerName="Marie" onCancel={onCancel} onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
