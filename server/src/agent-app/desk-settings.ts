import type { DepartmentView, DeskSettings, ReplySla } from '@switchboard/shared';
import type { Config } from '../config/config.js';

/** The deployment's thresholds: DESK_REPLY_AMBER and DESK_REPLY_RED (2 and 4 minutes unless configured). */
export function deploymentReplySla(config: Pick<Config, 'DESK_REPLY_AMBER' | 'DESK_REPLY_RED'>): ReplySla {
  return { amberMs: config.DESK_REPLY_AMBER, redMs: config.DESK_REPLY_RED };
}

/**
 * What the desk is told (`GET /api/desk/settings`). A department with its
 * own agent-reply SLA (when supervisors see the chat flagged) turns the timer
 * amber at that moment and red after the same multiple of it as the
 * deployment's red is of its amber, so "amber" always means "a supervisor
 * can see this now" wherever the SLA was set.
 */
export function deskSettings(
  base: ReplySla,
  departments: readonly Pick<DepartmentView, 'id' | 'agentReplySlaSeconds'>[],
): DeskSettings {
  const ratio = base.redMs / base.amberMs;
  const departmentReplySla: Record<string, ReplySla> = {};
  for (const department of departments) {
    const seconds = department.agentReplySlaSeconds;
    if (seconds === null) continue;
    const amberMs = seconds * 1000;
    departmentReplySla[department.id] = { amberMs, redMs: Math.round(amberMs * ratio) };
  }
  return { replySla: base, departmentReplySla };
}
