import type { CannedResponseView } from '@switchboard/shared';

/** The variables a canned response may use; undefined when the desk does not know the value. */
export interface CannedVariables {
  'customer.name'?: string | undefined;
  'customer.firstName'?: string | undefined;
  'customer.email'?: string | undefined;
  'agent.name'?: string | undefined;
  'case.number'?: string | undefined;
  topic?: string | undefined;
}

export const CANNED_VARIABLES: readonly (keyof CannedVariables)[] = [
  'customer.name',
  'customer.firstName',
  'customer.email',
  'agent.name',
  'case.number',
  'topic',
];

const VARIABLE = /\{\{\s*([A-Za-z][\w.]*)\s*(?:\|([^}]*))?\}\}/g;
// A private-use character marks where a value was left out, for the tidy-up below.
const GAP = '\uE000';

/**
 * Fills `{{variable}}` and `{{variable|fallback}}` in a canned response. A
 * known variable without a value (an anonymous customer's name) takes its
 * fallback or disappears along with the comma or space that introduced it,
 * so "Hi {{customer.name}}, I'm Lei" reads "Hi, I'm Lei" rather than
 * "Hi , I'm Lei". Unknown variables stay visible so the agent fixes them
 * before sending; both lists come back for the composer to point out.
 */
export function expandCanned(
  body: string,
  variables: CannedVariables,
): { text: string; missing: string[]; unknown: string[] } {
  const missing: string[] = [];
  const unknown: string[] = [];
  const filled = body.replace(VARIABLE, (whole, name: string, fallback: string | undefined) => {
    if (!(CANNED_VARIABLES as readonly string[]).includes(name)) {
      unknown.push(name);
      return whole;
    }
    const value = variables[name as keyof CannedVariables]?.trim();
    if (value) return value;
    if (fallback !== undefined && fallback.trim() !== '') return fallback.trim();
    missing.push(name);
    return GAP;
  });
  const text = filled
    .replace(/[,，、]\s*\uE000/g, '')
    .replace(/ \uE000(?=[,，、.。!！?？;；:：])/g, '')
    .replaceAll(GAP, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/^[ \t]+|[ \t]+$/gm, '');
  return { text, missing, unknown };
}

/** The customer's first name for a friendly greeting ("Marie Dupont" → "Marie"). */
export function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first === '' ? undefined : first;
}

/**
 * The `/shortcut` being typed just before the caret, if any: a slash at the
 * start of the text or after whitespace, followed by shortcut characters.
 */
export function cannedTrigger(text: string, caret: number): { query: string; start: number } | undefined {
  const match = /(?:^|\s)\/([a-z0-9-]*)$/i.exec(text.slice(0, caret));
  if (!match) return undefined;
  const query = match[1] ?? '';
  return { query: query.toLowerCase(), start: caret - query.length - 1 };
}

/** Canned responses for a query: shortcut prefix first, then shortcut or title containing it. */
export function searchCanned(responses: readonly CannedResponseView[], query: string): CannedResponseView[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...responses];
  const rank = (response: CannedResponseView) => {
    if (response.shortcut.startsWith(q)) return 0;
    if (response.shortcut.includes(q)) return 1;
    if (response.title.toLowerCase().includes(q)) return 2;
    if (response.body.toLowerCase().includes(q)) return 3;
    return 4;
  };
  return responses
    .map((response, index) => ({ response, index, rank: rank(response) }))
    .filter((entry) => entry.rank < 4)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.response);
}
