import { useState } from 'react';
import { t, UI_LOCALE, type TextKey } from '../../i18n/console.js';
import type { ConsoleSectionProps } from '../sections.js';
import { AgentsAdmin } from './AgentsAdmin.js';
import { ApiTokensAdmin } from './ApiTokensAdmin.js';
import { DataProtectionAdmin } from './DataProtectionAdmin.js';
import { DepartmentsAdmin } from './DepartmentsAdmin.js';
import { FilesAdmin } from './FilesAdmin.js';
import { KnowledgeAdmin } from './KnowledgeAdmin.js';
import { ARTICLE_KIND, CANNED_KIND } from './knowledge-kinds.js';
import { WebhooksAdmin } from './WebhooksAdmin.js';
import { WidgetSettingsAdmin } from './WidgetSettingsAdmin.js';
import './admin.css';

const TABS: { id: string; label: TextKey }[] = [
  { id: 'canned', label: 'admin.tab.canned' },
  { id: 'articles', label: 'admin.tab.articles' },
  { id: 'agents', label: 'admin.tab.agents' },
  { id: 'departments', label: 'admin.tab.departments' },
  { id: 'widget', label: 'admin.tab.widget' },
  { id: 'files', label: 'admin.tab.files' },
];
/** Tabs whose every call is admin-only: not shown to supervisors at all. */
const ADMIN_TABS: { id: string; label: TextKey }[] = [
  { id: 'webhooks', label: 'admin.tab.webhooks' },
  { id: 'tokens', label: 'admin.tab.tokens' },
  { id: 'privacy', label: 'admin.tab.privacy' },
];

/**
 * The console's Admin section. Supervisors keep canned responses and articles
 * current; agents, departments, the widget settings and the file rules are
 * admin-only (the server refuses others), so supervisors see them read-only,
 * without the buttons that would fail.
 */
export function AdminSection({ agent }: ConsoleSectionProps) {
  const [tab, setTab] = useState('canned');
  const isAdmin = agent.role === 'admin';
  const tabs = isAdmin ? [...TABS, ...ADMIN_TABS] : TABS;
  return (
    <section className="admin" aria-labelledby="admin-heading">
      {/* The frame is in the UI language; a tab's own texts may still be English only (i18n/index.ts). */}
      <h2 id="admin-heading" className="board__heading" lang={UI_LOCALE}>
        {t('section.admin')}
      </h2>
      <div role="tablist" aria-label={t('admin.tabs')} className="admin__tabs" lang={UI_LOCALE}>
        {tabs.map((each) => (
          <button
            key={each.id}
            id={`admin-tab-${each.id}`}
            type="button"
            role="tab"
            aria-selected={tab === each.id}
            aria-controls="admin-panel"
            tabIndex={tab === each.id ? 0 : -1}
            className="console__tab"
            onClick={() => setTab(each.id)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const index = tabs.findIndex((x) => x.id === tab);
              const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
              if (next) {
                setTab(next.id);
                document.getElementById(`admin-tab-${next.id}`)?.focus();
              }
            }}
          >
            {t(each.label)}
          </button>
        ))}
      </div>
      <div id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'canned' && <KnowledgeAdmin key="canned" kind={CANNED_KIND} />}
        {tab === 'articles' && <KnowledgeAdmin key="articles" kind={ARTICLE_KIND} />}
        {tab === 'agents' && <AgentsAdmin canEdit={isAdmin} />}
        {tab === 'departments' && <DepartmentsAdmin canEdit={isAdmin} />}
        {tab === 'widget' && <WidgetSettingsAdmin canEdit={isAdmin} />}
        {tab === 'files' && <FilesAdmin canEdit={isAdmin} />}
        {tab === 'webhooks' && isAdmin && <WebhooksAdmin />}
        {tab === 'tokens' && isAdmin && <ApiTokensAdmin />}
        {tab === 'privacy' && isAdmin && <DataProtectionAdmin />}
      </div>
    </section>
  );
}
