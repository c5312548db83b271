/** Relative luminance of `#rgb`/`#rrggbb` (WCAG 2). */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? hex.slice(1).replace(/./g, (digit) => digit + digit) : hex.slice(1);
  const channels = [0, 2, 4].map((index) => parseInt(digits.slice(index, index + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * CSS variables for the host's brand colour, with the text colour on it that
 * keeps the best contrast (white on dark brands, near-black on light ones),
 * so any colour a site picks stays readable (W7, AA).
 */
export function brandStyle(color: string | undefined): Record<string, string> | undefined {
  if (!color) return undefined;
  const light = luminance(color);
  const onWhite = 1.05 / (light + 0.05);
  const onDark = (light + 0.05) / 0.05;
  return { '--sb-brand': color, '--sb-on-brand': onWhite >= onDark ? '#ffffff' : '#1d1d1f' };
}
