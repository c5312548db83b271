import type { AgentRole } from '@switchboard/shared';

/** Who may open the console; the server checks the role again on every call. */
export const SUPERVISOR_ROLES: readonly AgentRole[] = ['supervisor', 'admin'];

/** Whether a role may open the console at all (kept apart from the sections, so the desk does not load them). */
export const canOpenConsole = (role: AgentRole): boolean => SUPERVISOR_ROLES.includes(role);
