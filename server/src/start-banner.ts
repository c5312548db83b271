import type { AgentRole } from '@switchboard/shared';

export interface BannerInput {
  url: string;
  /** Demo accounts to print (development); empty: none. */
  demoSignIns: { email: string; role: AgentRole }[];
  demoPassword: string;
}

/**
 * What `pnpm start` prints once the server listens: every place a newcomer
 * opens, and the demo sign-ins, as plain lines rather than inside a log line.
 */
export function startBanner({ url, demoSignIns, demoPassword }: BannerInput): string {
  const rows: [string, string][] = [
    ['Demo page with the chat widget', `${url}/demo`],
    ['Agent desk', `${url}/agent/`],
    ['Supervisor console', `${url}/agent/console`],
    ['Readiness', `${url}/readyz`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = [
    `Switchboard is running at ${url}`,
    '',
    ...rows.map(([label, link]) => `${`${label}:`.padEnd(width)}${link}`),
  ];
  if (demoSignIns.length > 0) {
    const emailWidth = Math.max(...demoSignIns.map(({ email }) => email.length)) + 2;
    lines.push('', `Demo sign-ins, all with the password "${demoPassword}":`);
    for (const { email, role } of demoSignIns) lines.push(`  ${email.padEnd(emailWidth)}${role}`);
  }
  return `\n${lines.map((line) => (line ? `  ${line}` : '')).join('\n')}\n\n`;
}
