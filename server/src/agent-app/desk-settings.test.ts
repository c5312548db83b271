import { describe, expect, it } from 'vitest';
import { deploymentReplySla, deskSettings } from './desk-settings.js';

describe('desk settings', () => {
  const base = deploymentReplySla({ DESK_REPLY_AMBER: 120_000, DESK_REPLY_RED: 240_000 });

  it("gives departments with their own agent-reply SLA amber at it and red at the deployment's multiple", () => {
    const settings = deskSettings(base, [
      { id: 'audio', agentReplySlaSeconds: 60 },
      { id: 'phones', agentReplySlaSeconds: null },
    ]);
    expect(settings.replySla).toEqual({ amberMs: 120_000, redMs: 240_000 });
    expect(settings.departmentReplySla).toEqual({ audio: { amberMs: 60_000, redMs: 120_000 } });
  });
});
