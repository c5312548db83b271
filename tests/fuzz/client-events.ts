import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EVENTS_DIR = path.resolve(import.meta.dirname, '../../shared/src/events');

interface EventMap {
  members: string[];
  extends: string[];
}

/** Every interface of the shared event maps with its own keys and the interfaces it extends (syntax only: fast). */
function eventMaps(): Map<string, EventMap> {
  const maps = new Map<string, EventMap>();
  for (const name of readdirSync(EVENTS_DIR).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))) {
    const file = path.join(EVENTS_DIR, name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      maps.set(statement.name.text, {
        members: statement.members.flatMap((member) =>
          member.name && (ts.isStringLiteral(member.name) || ts.isIdentifier(member.name)) ? [member.name.text] : [],
        ),
        extends: (statement.heritageClauses ?? []).flatMap((clause) =>
          clause.types.map((type) => type.expression.getText(source)),
        ),
      });
    }
  }
  return maps;
}

function keysOf(maps: Map<string, EventMap>, name: string): string[] {
  const map = maps.get(name);
  if (!map) throw new Error(`event map ${name} not found in ${EVENTS_DIR}`);
  return [...map.members, ...map.extends.flatMap((parent) => keysOf(maps, parent))];
}

/**
 * The client event names of a namespace, read from the shared event maps
 * (`CustomerClientEvents`, `AgentClientEvents`, and what they extend), so an
 * event added to a map is fuzzed without anyone remembering to list it here.
 */
export function clientEventNames(namespace: 'customer' | 'agent'): string[] {
  const root = namespace === 'customer' ? 'CustomerClientEvents' : 'AgentClientEvents';
  return [...new Set(keysOf(eventMaps(), root))].sort();
}
