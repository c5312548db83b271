import type { AgentRole, AgentView } from '@switchboard/shared';
import type { ComponentType } from 'react';
import type { TextKey } from '../i18n/index.js';
import { AdminSection } from './admin/AdminSection.js';
import { AuditSection } from './audit/AuditSection.js';
import { BlocksSection } from './blocks/BlocksSection.js';
import { BoardSection } from './board/BoardSection.js';
import { IdleSection } from './idle/IdleSection.js';
import { ObserveSection } from './observe/ObserveSection.js';
import { ReportsSection } from './reports/ReportsSection.js';

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

const SUPERVISORS: readonly AgentRole[] = ['supervisor', 'admin'];

export const SECTIONS: readonly ConsoleSection[] = [
  { id: 'board', label: 'section.board', roles: SUPERVISORS, component: BoardSection },
  { id: 'idle', label: 'section.idle', roles: SUPERVISORS, component: IdleSection },
  { id: 'observe', label: 'section.observe', roles: SUPERVISORS, component: ObserveSection },
  { id: 'admin', label: 'section.admin', roles: SUPERVISORS, component: AdminSection },
  { id: 'reports', label: 'section.reports', roles: SUPERVISORS, component: ReportsSection },
  { id: 'blocks', label: 'section.blocks', roles: SUPERVISORS, component: BlocksSection },
  { id: 'audit', label: 'section.audit', roles: SUPERVISORS, component: AuditSection },
];

/** Whether a role may open the console at all. */
export const canOpenConsole = (role: AgentRole): boolean => SECTIONS.some((section) => section.roles.includes(role));
