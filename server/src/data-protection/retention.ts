import type { RetentionAction, RetentionReport } from '@switchboard/shared';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { ConversationScrub } from './conversation-scrub.js';

/**
 * The deployment's retention policy: closed conversations older than
 * `days` are deleted or redacted (conversation-scrub.ts). Newer chats and
 * live ones are never touched; a redacted one is not handled twice.
 */
export function createRetention(deps: {
  conversations: Pick<ConversationsService, 'countClosedBefore' | 'idsClosedBefore'>;
  scrub: ConversationScrub;
  days: number | undefined;
  action: RetentionAction;
}) {
  return {
    async run(options: { dryRun: boolean; now?: Date }): Promise<RetentionReport> {
      const empty = { days: null, action: deps.action, cutoff: null, matched: 0, changed: 0, dryRun: options.dryRun };
      if (deps.days === undefined) return empty;
      const cutoff = new Date((options.now ?? new Date()).getTime() - deps.days * 86_400_000);
      const report = { ...empty, days: deps.days, cutoff: cutoff.toISOString() };
      if (options.dryRun) return { ...report, matched: await deps.conversations.countClosedBefore(cutoff) };
      const ids = await deps.conversations.idsClosedBefore(cutoff);
      for (const id of ids) await deps.scrub(id, deps.action);
      return { ...report, matched: ids.length, changed: ids.length };
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
