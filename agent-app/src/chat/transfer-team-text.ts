import type { TransferTargetDepartment } from '@switchboard/shared';
import { t } from '../i18n/index.js';

/** A wait in the agent's words: "under a minute", "about 4 min", "about 2 h". */
export function waitText(seconds: number): string {
  if (seconds < 60) return t('transfer.wait.underMinute');
  const minutes = Math.round(seconds / 60);
  return minutes < 90
    ? t('transfer.wait.minutes', { count: minutes })
    : t('transfer.wait.hours', { count: Math.round(minutes / 60) });
}

/** Nobody of this team can answer a handed-over chat now: the dialog asks before transferring. */
export const teamIsAway = (team: TransferTargetDepartment) => !team.openNow || team.agentsOnline === 0;

/** One option of the team list: its name, who is online and how long a chat handed over now would wait. */
export function teamOptionLabel(team: TransferTargetDepartment): string {
  if (!team.openNow) return `${team.name} — ${t('transfer.team.closed')}`;
  if (team.agentsOnline === 0) return `${team.name} — ${t('transfer.team.nobody')}`;
  const online = t('transfer.team.online', { online: team.agentsOnline, free: team.agentsWithRoom });
  const wait =
    team.estimatedWaitSeconds === null
      ? t('transfer.team.waitUnknown')
      : t('transfer.team.wait', { wait: waitText(team.estimatedWaitSeconds) });
  return `${team.name} — ${online} · ${wait}`;
}

/** The warning shown before handing a chat to a team nobody can answer for now. */
export const awayWarning = (team: TransferTargetDepartment) =>
  t(team.openNow ? 'transfer.warn.nobody' : 'transfer.warn.closed', { team: team.name });
