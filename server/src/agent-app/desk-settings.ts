import type { DeskSettings } from '@switchboard/shared';

/**
 * How long a customer may wait on the agent's reply: amber at 2 minutes, red
 * at 4. The one place the desk's thresholds come from; when the jobs feature
 * adds a configured AGENT_REPLY_SLA, derive these from it here.
 */
export const DEFAULT_DESK_SETTINGS: DeskSettings = {
  replySla: { amberMs: 2 * 60_000, redMs: 4 * 60_000 },
};
