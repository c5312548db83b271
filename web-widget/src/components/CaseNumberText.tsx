import { Fragment } from 'react';

/**
 * A translated sentence with the case number kept on one line: "SB-2026-"
 * and "000002" split over two lines read as two numbers. Customers copy the
 * number, so it stays plain ASCII (no non-breaking hyphens) and CSS keeps it whole.
 */
export function CaseNumberText({
  text,
  caseNumber,
}: {
  /** The sentence translated with `{caseNumber}` set to {@link CASE_NUMBER_SLOT}. */
  text: string;
  caseNumber: string;
}) {
  const [before = '', after = ''] = text.split(CASE_NUMBER_SLOT);
  return (
    <>
      {before}
      <span className="sb-nowrap">{caseNumber}</span>
      {after}
    </>
  );
}

/** Stands in for the case number while the sentence is translated. */
export const CASE_NUMBER_SLOT = '\u0000';

/** Sentences side by side: a space after ".", none after a full-width "。" (Chinese sets none). */
export function joinSentences(first: string, second: string): string {
  return /[。！？]$/.test(first) ? `${first}${second}` : `${first} ${second}`;
}

/**
 * A line that may give the case number as written (a system line, the advisor's goodbye):
 * every occurrence kept on one line, like {@link CaseNumberText}.
 */
export function CaseNumberKept({ text, caseNumber }: { text: string; caseNumber: string | undefined }) {
  if (!caseNumber) return <>{text}</>;
  return (
    <>
      {text.split(caseNumber).map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <span className="sb-nowrap">{caseNumber}</span> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
