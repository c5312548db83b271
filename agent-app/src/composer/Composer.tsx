import type { AgentView, CannedResponseView } from '@switchboard/shared';
import {
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { ChatState } from '../desk/desk-state.js';
import { useDeskClient } from '../desk/use-desk.js';
import type { DraftStore } from '../drafts/draft-store.js';
import { t } from '../i18n/index.js';
import { StagedFile } from '../files/StagedFile.js';
import { useStagedFile } from '../files/use-staged-file.js';
import { useKnowledge } from '../knowledge/use-knowledge.js';
import { cannedTrigger, expandCanned, firstName, searchCanned } from './canned.js';
import { RadioButtons } from '../layout/RadioButtons.js';
import { CannedPicker } from './CannedPicker.js';

/** What the desk's shortcuts and the article suggestions do to the composer. */
export interface ComposerHandle {
  focus(): void;
  openCanned(): void;
  toggleNote(): void;
  insert(text: string): void;
}

interface Props {
  ref: Ref<ComposerHandle>;
  chat: ChatState;
  agent: AgentView;
  drafts: DraftStore;
  onTextChange: (text: string) => void;
}

export function Composer({ ref, chat, agent, drafts, onTextChange }: Props) {
  const client = useDeskClient();
  const { view } = chat;
  const id = view.id;
  const [text, setText] = useState(() => drafts.get(id)?.text ?? '');
  const [note, setNote] = useState(() => drafts.get(id)?.note ?? false);
  const [caret, setCaret] = useState(text.length);
  const [selected, setSelected] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | undefined>();
  const [hint, setHint] = useState<string | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const { staged, uploads } = useStagedFile();
  const fileReady = staged?.state === 'ready';
  const { canned } = useKnowledge(view.language);

  const trigger = cannedTrigger(text, caret);
  const pickerOpen = trigger !== undefined && trigger.start !== dismissedAt;
  const query = trigger?.query;
  const matches = useMemo(() => (query === undefined ? [] : searchCanned(canned, query).slice(0, 8)), [canned, query]);

  useEffect(() => {
    onTextChange(text);
  }, [text, onTextChange]);

  const update = (next: string, nextCaret = next.length, nextNote = note) => {
    setText(next);
    setCaret(nextCaret);
    setSelected(0);
    drafts.set(id, next, nextNote);
    if (next.trim() !== '' && !nextNote) client.setTyping(id, true);
    if (next.trim() === '') client.setTyping(id, false);
  };

  const placeCaret = (position: number) => {
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(position, position);
    });
  };

  const expand = (response: CannedResponseView) =>
    expandCanned(response.body, {
      'customer.name': view.customer.name,
      // Greetings read warmer with the first name ("Hi Marie"): the demo set uses this one.
      'customer.firstName': firstName(view.customer.name),
      'customer.email': view.customer.email,
      'agent.name': agent.displayName,
      'case.number': view.caseNumber,
      topic: view.topic,
    });

  const insertCanned = (response: CannedResponseView) => {
    if (!trigger) return;
    const expanded = expand(response);
    const next = text.slice(0, trigger.start) + expanded.text + text.slice(caret);
    const position = trigger.start + expanded.text.length;
    update(next, position);
    placeCaret(position);
    setHint(
      expanded.unknown.length > 0
        ? t('composer.unknown', { names: expanded.unknown.join(', ') })
        : expanded.missing.length > 0
          ? t('composer.missing', { names: expanded.missing.join(', ') })
          : undefined,
    );
  };

  const setMode = (nextNote: boolean) => {
    setNote(nextNote);
    drafts.set(id, text, nextNote);
    if (nextNote) client.setTyping(id, false);
  };

  useImperativeHandle(ref, () => ({
    focus: () => box.current?.focus(),
    openCanned: () => {
      const prefix = text === '' || /\s$/.test(text) ? '' : ' ';
      const next = `${text}${prefix}/`;
      update(next);
      setDismissedAt(undefined);
      placeCaret(next.length);
    },
    toggleNote: () => {
      setMode(!note);
      box.current?.focus();
    },
    insert: (snippet: string) => {
      const separator = text === '' || /\s$/.test(text) ? '' : ' ';
      const next = `${text}${separator}${snippet}`;
      update(next);
      placeCaret(next.length);
    },
  }));

  /** A file for a note stays internal: the server refuses it in a reply to the customer. */
  const attach = (file: File) => uploads.add(id, file, { internal: note });

  const send = () => {
    const body = text.trim();
    const file = uploads.take();
    if (body === '' && !file) return;
    client.send(id, body, note, file?.id);
    drafts.clear(id);
    setText('');
    setCaret(0);
    setHint(undefined);
    // Notes are usually one-offs: go back to replying so the next message reaches the customer.
    if (note) setNote(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (pickerOpen && matches.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        setSelected((current) => (current + delta + matches.length) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const response = matches[selected];
        if (response) insertCanned(response);
        return;
      }
    }
    if (pickerOpen && event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(trigger.start);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = event.clipboardData.files[0];
    if (!file) return;
    event.preventDefault();
    attach(file);
  };
  const onDragOver = (event: DragEvent) => {
    if (event.dataTransfer.types.includes('Files')) event.preventDefault();
  };
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    attach(file);
  };

  const name = view.customer.name ?? t('inbox.anonymous');
  return (
    <div className={`composer${note ? ' composer--note' : ''}`} onDragOver={onDragOver} onDrop={onDrop}>
      {pickerOpen && (
        <CannedPicker
          query={trigger.query}
          matches={matches}
          selected={selected}
          onPick={insertCanned}
          preview={(response) => expand(response).text}
        />
      )}
      <RadioButtons
        className="composer__mode"
        label={t('composer.mode')}
        value={note ? 'note' : 'reply'}
        onChange={(mode) => {
          setMode(mode === 'note');
        }}
        options={[
          { value: 'reply', label: t('composer.reply') },
          { value: 'note', label: t('composer.note'), keyShortcuts: 'Alt+N' },
        ]}
      />
      <label htmlFor={`composer-${id}`} className="visually-hidden">
        {note ? t('composer.noteLabel', { name }) : t('composer.label', { name })}
      </label>
      <textarea
        id={`composer-${id}`}
        ref={box}
        className="composer__input"
        rows={3}
        value={text}
        placeholder={note ? t('composer.notePlaceholder') : t('composer.placeholder')}
        aria-autocomplete="list"
        aria-controls={pickerOpen ? 'canned-listbox' : undefined}
        aria-activedescendant={pickerOpen && matches[selected] ? `canned-${matches[selected].id}` : undefined}
        onChange={(event) => {
          update(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => {
          setCaret(event.currentTarget.selectionStart);
        }}
        onBlur={() => {
          client.setTyping(id, false);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {staged && <StagedFile staged={staged} onRemove={() => uploads.clear()} onRetry={() => uploads.retry(id)} />}
      <div className="composer__footer">
        <input
          ref={picker}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) attach(file);
            event.currentTarget.value = '';
          }}
        />
        <button type="button" className="button" onClick={() => picker.current?.click()}>
          {note ? t('files.attachToNote') : t('files.attach')}
        </button>
        <span className="composer__hint" role="status">
          {hint}
        </span>
        <button
          type="button"
          className="button button--primary"
          onClick={send}
          disabled={text.trim() === '' && !fileReady}
        >
          {note ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </div>
  );
}
