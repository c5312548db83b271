import type { AgentRole, AgentView } from '@switchboard/shared';
import { lazy, type ComponentType } from 'react';
import type { TextKey } from '../i18n/console.js';
import { BoardSection } from './board/BoardSection.js';
import { SUPERVISOR_ROLES } from './console-access.js';
import { IdleSection } from './idle/IdleSection.js';
import { ObserveSection } from './observe/ObserveSection.js';

/** What every console section receives; live data comes from the console's hooks (use-supervisor.ts). */
export interface ConsoleSectionProps {
  agent: AgentView;
  /** Back to the supervisor's own desk (where a chat they took over now is). */
  toDesk: () => void;
}

/**
 * One entry of the console's navigation. Add a section by adding an entry
 * here (Admin, Reports, Audit live in their own folders beside these);
 * `roles` decides who sees it, and the server checks again on every call.
 */
export interface ConsoleSection {
  id: string;
  label: TextKey;
  roles: readonly AgentRole[];
  component: ComponentType<ConsoleSectionProps>;
}

const SUPERVISORS = SUPERVISOR_ROLES;

// The live sections (the console opens on the board) come with the console;
// the rest, administration above all, are chunks of their own, loaded when opened.
const AdminSection = lazy(() => import('./admin/AdminSection.js').then((m) => ({ default: m.AdminSection })));
const ReportsSection = lazy(() => import('./reports/ReportsSection.js').then((m) => ({ default: m.ReportsSection })));
const BlocksSection = lazy(() => import('./blocks/BlocksSection.js').then((m) => ({ default: m.BlocksSection })));
const AuditSection = lazy(() => import('./audit/AuditSection.js').then((m) => ({ default: m.AuditSection })));

export const SECTIONS: readonly ConsoleSection[] = [
  { id: 'board', label: 'section.board', roles: SUPERVISORS, component: BoardSection },
  { id: 'idle', label: 'section.idle', roles: SUPERVISORS, component: IdleSection },
  { id: 'observe', label: 'section.observe', roles: SUPERVISORS, component: ObserveSection },
  { id: 'admin', label: 'section.admin', roles: SUPERVISORS, component: AdminSection },
  { id: 'reports', label: 'section.reports', roles: SUPERVISORS, component: ReportsSection },
  { id: 'blocks', label: 'section.blocks', roles: SUPERVISORS, component: BlocksSection },
  { id: 'audit', label: 'section.audit', roles: SUPERVISORS, component: AuditSection },
];
