import type { TextKey } from '../../i18n/console.js';

/** One text field of a language variant; `list` fields are edited comma separated. */
export interface VariantField {
  name: string;
  label: TextKey;
  multiline?: boolean;
  list?: boolean;
  type?: 'url';
}

/** What differs between canned responses and articles in the editor. */
export interface KnowledgeKind {
  id: 'canned' | 'articles';
  /** REST: `/api/knowledge/<path>` to change, `/api/knowledge/admin/<path>` to list. */
  path: string;
  listKey: string;
  itemKey: string;
  keyField: 'shortcut' | 'slug';
  keyLabel: TextKey;
  fields: VariantField[];
}

export const CANNED_KIND: KnowledgeKind = {
  id: 'canned',
  path: 'canned',
  listKey: 'canned',
  itemKey: 'canned',
  keyField: 'shortcut',
  keyLabel: 'admin.canned.shortcut',
  fields: [
    { name: 'title', label: 'admin.canned.title' },
    { name: 'body', label: 'admin.canned.body', multiline: true },
  ],
};

export const ARTICLE_KIND: KnowledgeKind = {
  id: 'articles',
  path: 'articles',
  listKey: 'articles',
  itemKey: 'article',
  keyField: 'slug',
  keyLabel: 'admin.article.slug',
  fields: [
    { name: 'title', label: 'admin.article.title' },
    { name: 'summary', label: 'admin.article.summary', multiline: true },
    { name: 'url', label: 'admin.article.url', type: 'url' },
    { name: 'keywords', label: 'admin.article.keywords', list: true },
  ],
};
