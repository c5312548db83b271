import type { ReactNode } from 'react';

/** A control under its label; the `htmlFor` link is what gives the control its accessible name. */
function Labelled(props: { label: string; id: string; className?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={props.className}>
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.hint !== undefined && (
        <p id={hintId(props.id)} className="admin__field-hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

const hintId = (id: string) => `${id}-hint`;

/** Links a control to its hint, so a screen reader reads the hint after the label. */
const describedBy = (props: { id: string; hint?: string }) =>
  props.hint === undefined ? {} : { 'aria-describedby': hintId(props.id) };

/**
 * A labelled one-line input; `label` is what the browser tests find it by.
 * `lang` marks text written in a customer's language (spelling, fonts).
 */
export function TextField(props: {
  label: string;
  id: string;
  value: string;
  type?: string;
  hint?: string;
  lang?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Labelled label={props.label} id={props.id} hint={props.hint}>
      <input
        id={props.id}
        className="field"
        type={props.type ?? 'text'}
        lang={props.lang}
        value={props.value}
        {...describedBy(props)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Labelled>
  );
}

/** A labelled three-row text area; `className` lets a grid form stretch it across the row. */
export function TextAreaField(props: {
  label: string;
  id: string;
  value: string;
  className?: string;
  hint?: string;
  lang?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Labelled label={props.label} id={props.id} className={props.className} hint={props.hint}>
      <textarea
        id={props.id}
        className="field"
        rows={3}
        lang={props.lang}
        value={props.value}
        {...describedBy(props)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Labelled>
  );
}

/** A labelled drop-down; the caller gives the `<option>`s, so each can word its own choices. */
export function SelectField(props: {
  label: string;
  id: string;
  value: string;
  className?: string;
  hint?: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <Labelled label={props.label} id={props.id} className={props.className} hint={props.hint}>
      <select
        id={props.id}
        className="field"
        value={props.value}
        {...describedBy(props)}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.children}
      </select>
    </Labelled>
  );
}
