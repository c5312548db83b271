import type { ConversationReleased } from '@switchboard/shared';
import { t } from '../i18n/index.js';

/**
 * Why a chat left this agent's desk, in one short line: "Reassigned to Lei
 * by Sam", "Taken over by Sam", "Put back in the queue: no reply in time".
 */
export function releaseNote(released: ConversationReleased, me: string | undefined): string {
  const by = released.byAgentId !== undefined && released.byAgentId === me ? t('released.you') : released.byName;
  const to =
    released.toAgentName ??
    (released.toDepartmentName === undefined ? undefined : t('released.team', { name: released.toDepartmentName }));
  switch (released.reason) {
    case 'reassigned':
      return to && by ? t('released.reassigned', { to, by }) : t('released.reassignedShort');
    case 'taken-over':
      return by ? t('released.takenOver', { by }) : t('released.takenOverShort');
    case 'transferred':
      return to && by ? t('released.transferred', { to, by }) : t('released.transferredShort');
    case 'requeued':
      return by ? t('released.requeued', { by }) : t('released.requeuedIdle');
  }
}
