import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createThresholds, deploymentThresholds, idleSettingsOf, mergeThresholds } from './idle-thresholds.js';

describe('idle thresholds', () => {
  const base = deploymentThresholds(loadConfig({}));

  it('defaults to 3 min nudge, 5 min close, 2 min reply SLA and no requeue', () => {
    expect(base).toEqual({ nudgeMs: 180_000, closeMs: 300_000, agentReplyMs: 120_000, requeueMs: null });
  });

  it('reads durations from the environment', () => {
    const config = loadConfig({ CUSTOMER_IDLE_NUDGE: '90s', CUSTOMER_IDLE_CLOSE: '1500', AGENT_IDLE_REQUEUE: '10m' });
    expect(deploymentThresholds(config)).toMatchObject({ nudgeMs: 90_000, closeMs: 1_500, requeueMs: 600_000 });
    expect(() => loadConfig({ AGENT_REPLY_SLA: 'soon' })).toThrow(/AGENT_REPLY_SLA/);
  });

  it('lets a department override each threshold, including turning requeue off', () => {
    const withRequeue = { ...base, requeueMs: 60_000 };
    expect(mergeThresholds(withRequeue, { customerIdleNudgeMs: 1_000, agentIdleRequeueMs: null })).toEqual({
      ...withRequeue,
      nudgeMs: 1_000,
      requeueMs: null,
    });
    expect(mergeThresholds(withRequeue, null)).toBe(withRequeue);
  });

  it('asks the department lookup only for conversations with a department', async () => {
    const asked: string[] = [];
    const thresholds = createThresholds(base, (id) => {
      asked.push(id);
      return Promise.resolve({ agentReplySlaMs: 5_000 });
    });
    expect(await thresholds(null)).toBe(base);
    expect((await thresholds('d1')).agentReplyMs).toBe(5_000);
    expect(asked).toEqual(['d1']);
  });

  it("reads a department's stored seconds: null means the deployment's (requeue's too), 'off' turns requeue off", () => {
    const withRequeue = { ...base, requeueMs: 60_000 };
    const stored = { customerIdleNudgeSeconds: 30, customerIdleCloseSeconds: null, agentReplySlaSeconds: 5 };
    expect(mergeThresholds(withRequeue, idleSettingsOf(stored))).toEqual({
      ...withRequeue,
      nudgeMs: 30_000,
      agentReplyMs: 5_000,
    });
    expect(mergeThresholds(withRequeue, idleSettingsOf({ ...stored, autoRequeueSeconds: 'off' })).requeueMs).toBeNull();
    // A null stored by the console's old form meant "empty: the deployment default", and still does.
    expect(mergeThresholds(withRequeue, idleSettingsOf({ ...stored, autoRequeueSeconds: null })).requeueMs).toBe(
      60_000,
    );
    expect(mergeThresholds(withRequeue, idleSettingsOf(stored)).requeueMs).toBe(60_000);
    expect(mergeThresholds(base, idleSettingsOf({ autoRequeueSeconds: 90 })).requeueMs).toBe(90_000);
  });
});
