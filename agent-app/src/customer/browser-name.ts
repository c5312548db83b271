const BROWSERS: [name: string, version: RegExp][] = [
  ['Edge', /Edg\/(\d+)/],
  ['Firefox', /Firefox\/(\d+)/],
  ['Chrome', /Chrome\/(\d+)/],
  ['Safari', /Version\/(\d+)[\d.]* .*Safari/],
];

const SYSTEMS: [name: string, marker: RegExp][] = [
  ['iOS', /iPhone|iPad/],
  ['Android', /Android/],
  ['Windows', /Windows/],
  ['macOS', /Mac OS X/],
  ['Linux', /Linux/],
];

/** "Chrome 131 on Windows" from a user-agent string: enough to reproduce a customer's problem. */
export function describeBrowser(userAgent: string): string {
  // Order matters: Edge's string also names Chrome, Chrome's names Safari.
  const browser = BROWSERS.map(([name, pattern]) => {
    const version = pattern.exec(userAgent)?.[1];
    return version === undefined ? undefined : `${name} ${version}`;
  }).find((found) => found !== undefined);
  const system = SYSTEMS.find(([, marker]) => marker.test(userAgent))?.[0];
  if (!browser) return userAgent.slice(0, 60);
  return system ? `${browser} on ${system}` : browser;
}
