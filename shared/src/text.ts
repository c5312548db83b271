/**
 * Characters that show nothing: white space, format characters (zero-width
 * spaces and joiners, direction overrides), controls, and the blank letters
 * (Hangul fillers, the blank Braille pattern) used to fake an empty message.
 */
const INVISIBLE = /[\s\p{Cf}\p{Cc}\p{Z}\u115f\u1160\u3164\uffa0\u2800]/gu;

/** Whether the text shows anything at all (a message of invisible characters is an empty message). */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}
