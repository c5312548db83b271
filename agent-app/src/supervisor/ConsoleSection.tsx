import type { ReactNode } from 'react';

/**
 * A console section named by its visible heading: the `<section>` is labelled
 * by its `<h2>`, so screen readers (and the browser tests) find it by that name.
 * `name` is the section's class and the prefix of the heading's id.
 */
export function ConsoleSection(props: { name: string; heading: string; children: ReactNode }) {
  const headingId = `${props.name}-heading`;
  return (
    <section className={props.name} aria-labelledby={headingId}>
      <h2 id={headingId} className="board__heading">
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}
