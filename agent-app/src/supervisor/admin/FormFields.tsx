import type { ReactNode } from 'react';

/** A control under its label; the `htmlFor` link is what gives the control its accessible name. */
function Labelled(props: { label: string; id: string; className?: string; children: ReactNode }) {
  return (
    <div className={props.className}>
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
    </div>
  );
}

/** A labelled one-line input; `label` is what the browser tests find it by. */
export function TextField(props: {
  label: string;
  id: string;
  value: string;
  type?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Labelled label={props.label} id={props.id}>
      <input
        id={props.id}
        className="field"
        type={props.type ?? 'text'}
        value={props.value}
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
  onChange: (value: string) => void;
}) {
  return (
    <Labelled label={props.label} id={props.id} className={props.className}>
      <textarea
        id={props.id}
        className="field"
        rows={3}
        value={props.value}
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
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <Labelled label={props.label} id={props.id} className={props.className}>
      <select
        id={props.id}
        className="field"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.children}
      </select>
    </Labelled>
  );
}
