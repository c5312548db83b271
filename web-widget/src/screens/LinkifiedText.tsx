import { parseLinks } from '../text/links';

/** Message text with its links clickable. Every part is a text node: nothing is ever parsed as HTML. */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {parseLinks(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
