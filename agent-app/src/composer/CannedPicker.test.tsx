// @vitest-environment jsdom
import type { CannedResponseView } from '@switchboard/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CannedPicker } from './CannedPicker.js';

const greet: CannedResponseView = {
  id: 'r1',
  shortcut: 'greet',
  locale: 'en',
  title: 'Greeting',
  body: 'Hi {{customer.name}}, I am {{agent.name}}.',
};
const bye: CannedResponseView = { id: 'r2', shortcut: 'bye', locale: 'en', title: 'Goodbye', body: 'Bye!' };

describe('<CannedPicker>', () => {
  afterEach(cleanup);

  it('lists the matches with the selected one marked, previewed as the customer will read them', () => {
    const preview = (response: CannedResponseView) => response.body.replace('{{customer.name}}', 'Marie');
    render(<CannedPicker query="" matches={[greet, bye]} selected={1} onPick={vi.fn()} preview={preview} />);
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(options[0]?.textContent).toContain('/greet');
    expect(options[0]?.textContent).toContain('Hi Marie, I am {{agent.name}}.');
  });

  it('picks on mouse down without taking the focus from the composer', () => {
    const onPick = vi.fn();
    render(<CannedPicker query="gr" matches={[greet]} selected={0} onPick={onPick} preview={(r) => r.body} />);
    const option = screen.getByRole('option');
    const event = fireEvent.mouseDown(option);
    expect(onPick).toHaveBeenCalledWith(greet);
    // fireEvent returns false when the handler called preventDefault: the textarea keeps focus and caret.
    expect(event).toBe(false);
  });

  it('says so when nothing matches', () => {
    render(<CannedPicker query="zz" matches={[]} selected={0} onPick={vi.fn()} preview={(r) => r.body} />);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText('No canned response matches “/zz”.')).toBeTruthy();
  });
});
