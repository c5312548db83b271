import type { AuditEntryView } from '@switchboard/shared';
import { hasText, t, type TextKey } from '../../i18n/console.js';

/** Names the log can put in place of ids: agents and departments as they are called now. */
export interface AuditNames {
  agents: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, string>;
}

const OBJECT_ID = /^[a-f0-9]{24}$/;
/** Facts shown elsewhere in the row (the target's name) or meaningless to a reader (ids). */
const SHOWN_ELSEWHERE = new Set(['caseNumber', 'name', 'fields', 'diff', 'fromAgentId', 'toAgentId', 'fromAgentName']);

const known = hasText;

/** "conversation.reassign" → "Reassigned a chat"; unknown actions as they are. */
export function actionLabel(action: string): string {
  const key = `audit.action.${action}`;
  return known(key) ? t(key) : action;
}

/** What the action was done to, by name: "Case SB-2026-000123", "Agent Mia", "Department Phones". */
export function targetLabel(entry: AuditEntryView, names: AuditNames): string {
  const { kind, id } = entry.target;
  const name =
    entry.target.name ??
    (kind === 'agent' ? names.agents.get(id) : kind === 'department' ? names.departments.get(id) : undefined) ??
    (typeof entry.details.caseNumber === 'string' ? entry.details.caseNumber : undefined) ??
    (typeof entry.details.name === 'string' ? entry.details.name : undefined);
  const kindKey = `audit.kind.${kind}`;
  const label = known(kindKey) ? t(kindKey) : kind;
  return name ? `${label} ${name}` : `${label} ${id.slice(-6)}`;
}

/** A field's label in the console's words ("Capacity", "Requeue a flagged chat after"), else its name spaced out. */
function fieldLabel(field: string): string {
  for (const key of [`audit.field.${field}`, `admin.dept.${field}`, `admin.agent.${field}`]) {
    if (known(key)) return t(key);
  }
  const spaced = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A value as a person reads it: ids as names, nothing as a dash, lists joined, objects summarised. */
export function formatValue(value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return t('audit.none');
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (OBJECT_ID.test(value)) return names.agents.get(value) ?? names.departments.get(value) ?? `…${value.slice(-6)}`;
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('audit.none');
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      return value.map((item) => formatValue(item, names)).join(', ');
    }
    // Topics and the like: their keys say enough.
    const keys = value.map((item) => (item as { key?: unknown }).key).filter((key) => typeof key === 'string');
    return keys.length === value.length ? keys.join(', ') : t('audit.items', { count: value.length });
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * The details of an entry as short lines: who it went from and to, every
 * changed field as "old → new", the resolution; never raw JSON or bare ids.
 */
export function detailLines(entry: AuditEntryView, names: AuditNames): string[] {
  const details = entry.details;
  const lines: string[] = [];
  const agentName = (nameKey: string, idKey: string) => {
    const name = details[nameKey];
    if (typeof name === 'string') return name;
    const id = details[idKey];
    return typeof id === 'string' ? formatValue(id, names) : undefined;
  };
  const from = agentName('fromAgentName', 'fromAgentId');
  const to = agentName('toAgentName', 'toAgentId');
  if (from && to) lines.push(t('audit.fromTo', { from, to }));
  else if (from) lines.push(t('audit.fromAgent', { from }));
  else if (to) lines.push(t('audit.toAgent', { to }));

  const diff = details.diff as Record<string, { from: unknown; to: unknown }> | undefined;
  if (diff && typeof diff === 'object') {
    for (const [field, change] of Object.entries(diff)) {
      lines.push(
        t('audit.change', {
          field: fieldLabel(field),
          from: formatValue(change.from, names),
          to: formatValue(change.to, names),
        }),
      );
    }
  } else if (Array.isArray(details.fields)) {
    // Entries written before old values were kept: at least which fields changed.
    lines.push(
      t('audit.fieldsChanged', { fields: details.fields.map((field) => fieldLabel(String(field))).join(', ') }),
    );
  }

  for (const [key, value] of Object.entries(details)) {
    if (SHOWN_ELSEWHERE.has(key) || key === 'toAgentName' || key === 'changes') continue;
    if (key === 'idleReason' && typeof value === 'string') {
      lines.push(t('audit.idleReason', { reason: t(`idle.reason.${value}` as TextKey) }));
    } else if (key === 'disposition' && typeof value === 'string') {
      lines.push(t('audit.resolution', { disposition: t(`disposition.${value}` as TextKey) }));
    } else if (key === 'transcript') {
      if (value === true) lines.push(t('audit.transcriptSent'));
    } else if (key === 'values' && value && typeof value === 'object') {
      for (const [field, each] of Object.entries(value)) {
        lines.push(`${fieldLabel(field)}: ${formatValue(each, names)}`);
      }
    } else {
      lines.push(`${fieldLabel(key)}: ${formatValue(value, names)}`);
    }
  }
  return lines;
}
