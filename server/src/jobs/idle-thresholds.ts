import type { Config } from '../config/config.js';
import type { IdleThresholds } from './idle-policy.js';

/**
 * A department's own idle thresholds (set in the console), each falling back
 * to the deployment's when absent. The routing feature's department model
 * provides them through {@link DepartmentIdleSettingsLookup};
 * `agentIdleRequeueMs: null` turns auto-requeue off for a department even
 * where the deployment has it on.
 */
export interface DepartmentIdleSettings {
  customerIdleNudgeMs?: number;
  customerIdleCloseMs?: number;
  agentReplySlaMs?: number;
  agentIdleRequeueMs?: number | null;
}

export type DepartmentIdleSettingsLookup = (departmentId: string) => Promise<DepartmentIdleSettings | null>;

/** A department's idle fields as stored (seconds; null or absent: the deployment's; requeue may also be `'off'`). */
export interface DepartmentIdleFields {
  customerIdleNudgeSeconds?: number | null;
  customerIdleCloseSeconds?: number | null;
  agentReplySlaSeconds?: number | null;
  autoRequeueSeconds?: number | 'off' | null;
}

const ms = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? undefined : seconds * 1000;

/** The department's stored fields as overrides of the deployment's thresholds. */
export function idleSettingsOf(department: DepartmentIdleFields): DepartmentIdleSettings {
  const settings: DepartmentIdleSettings = {};
  const nudge = ms(department.customerIdleNudgeSeconds);
  const close = ms(department.customerIdleCloseSeconds);
  const reply = ms(department.agentReplySlaSeconds);
  if (nudge !== undefined) settings.customerIdleNudgeMs = nudge;
  if (close !== undefined) settings.customerIdleCloseMs = close;
  if (reply !== undefined) settings.agentReplySlaMs = reply;
  const requeue = department.autoRequeueSeconds;
  if (requeue === 'off') settings.agentIdleRequeueMs = null;
  else if (typeof requeue === 'number') settings.agentIdleRequeueMs = requeue * 1000;
  return settings;
}

/**
 * The lookup over a department reader. Read when a timer is scheduled or
 * fires, never cached: an admin's change applies to the next reschedule or
 * wake-up, in every process, without a restart (and the jobs feature wakes
 * the department's pending timers at once when its idle fields change).
 */
export function departmentIdleLookup(
  get: (departmentId: string) => Promise<DepartmentIdleFields | null>,
): DepartmentIdleSettingsLookup {
  return async (departmentId) => {
    const department = await get(departmentId);
    return department ? idleSettingsOf(department) : null;
  };
}

export function deploymentThresholds(
  config: Pick<Config, 'CUSTOMER_IDLE_NUDGE' | 'CUSTOMER_IDLE_CLOSE' | 'AGENT_REPLY_SLA' | 'AGENT_IDLE_REQUEUE'>,
): IdleThresholds {
  return {
    nudgeMs: config.CUSTOMER_IDLE_NUDGE,
    closeMs: config.CUSTOMER_IDLE_CLOSE,
    agentReplyMs: config.AGENT_REPLY_SLA,
    requeueMs: config.AGENT_IDLE_REQUEUE ?? null,
  };
}

export function mergeThresholds(base: IdleThresholds, department: DepartmentIdleSettings | null): IdleThresholds {
  if (!department) return base;
  return {
    nudgeMs: department.customerIdleNudgeMs ?? base.nudgeMs,
    closeMs: department.customerIdleCloseMs ?? base.closeMs,
    agentReplyMs: department.agentReplySlaMs ?? base.agentReplyMs,
    requeueMs: department.agentIdleRequeueMs === undefined ? base.requeueMs : department.agentIdleRequeueMs,
  };
}

/** Thresholds for a conversation's department; the deployment's when it has none or the lookup is not wired. */
export function createThresholds(base: IdleThresholds, lookup?: DepartmentIdleSettingsLookup) {
  return async (departmentId: string | null | undefined): Promise<IdleThresholds> =>
    departmentId && lookup ? mergeThresholds(base, await lookup(departmentId)) : base;
}
