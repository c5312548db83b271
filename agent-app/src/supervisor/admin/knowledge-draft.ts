import type { Locale } from '@switchboard/shared';
import type { KnowledgeKind } from './knowledge-kinds.js';

/** An entry as the admin routes answer it: its key field, variants with all their fields. */
export interface KnowledgeEntry {
  id: string;
  shortcut?: string;
  slug?: string;
  archived: boolean;
  variants: ({ locale: Locale } & Record<string, string | string[]>)[];
}

/** An entry as the editor holds it: every field as text, list fields comma separated. */
export interface KnowledgeDraft {
  id?: string;
  key: string;
  variants: ({ locale: Locale } & Record<string, string>)[];
}

export const blankFields = (kind: KnowledgeKind) => Object.fromEntries(kind.fields.map((field) => [field.name, '']));

/** A new entry starts with one English variant. */
export function toKnowledgeDraft(kind: KnowledgeKind, entry?: KnowledgeEntry): KnowledgeDraft {
  if (!entry) return { key: '', variants: [{ locale: 'en', ...blankFields(kind) }] };
  return {
    id: entry.id,
    key: entry[kind.keyField] ?? '',
    variants: entry.variants.map((variant) => {
      const fields = Object.fromEntries(
        kind.fields.map((field) => {
          const value = variant[field.name];
          return [field.name, Array.isArray(value) ? value.join(', ') : (value ?? '')];
        }),
      );
      return { ...fields, locale: variant.locale };
    }),
  };
}

export function toKnowledgeBody(kind: KnowledgeKind, draft: KnowledgeDraft) {
  return {
    [kind.keyField]: draft.key.trim(),
    variants: draft.variants.map((variant) => ({
      locale: variant.locale,
      ...Object.fromEntries(
        kind.fields.map((field) => {
          const value = variant[field.name] ?? '';
          return [
            field.name,
            field.list
              ? value
                  .split(',')
                  .map((word) => word.trim())
                  .filter(Boolean)
              : value,
          ];
        }),
      ),
    })),
  };
}
