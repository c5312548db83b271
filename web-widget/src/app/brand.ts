/** Relative luminance of `#rgb`/`#rrggbb` (WCAG 2). */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? hex.slice(1).replace(/./g, (digit) => digit + digit) : hex.slice(1);
  const channels = [0, 2, 4].map((index) => parseInt(digits.slice(index, index + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rgb`/`#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for small text: the header's subtitle and the message bubbles are 13–15 px. */
const AA = 4.5;

/**
 * CSS variables for the host's brand colour, with a text colour on it that
 * meets AA: white or near-black, whichever contrasts more, and pure black
 * for the mid-tones where neither reaches 4.5:1 (black always does when
 * white does not), so any colour a site picks stays readable.
 */
export function brandStyle(color: string | undefined): Record<string, string> | undefined {
  if (!color) return undefined;
  const white = contrastRatio(color, '#ffffff');
  const nearBlack = contrastRatio(color, '#1d1d1f');
  const onBrand = Math.max(white, nearBlack) < AA ? '#000000' : white >= nearBlack ? '#ffffff' : '#1d1d1f';
  return { '--sb-brand': color, '--sb-on-brand': onBrand };
}
