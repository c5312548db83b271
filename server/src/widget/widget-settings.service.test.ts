import { DEFAULT_WIDGET_SETTINGS } from '@switchboard/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditService } from '../audit/audit.service.js';
import type { Logger } from '../infra/logger.js';
import type { WidgetSettingsModel, WidgetSettingsRecord } from './widget-settings.model.js';
import { createWidgetSettingsService } from './widget-settings.service.js';

const stored: WidgetSettingsRecord = {
  ...DEFAULT_WIDGET_SETTINGS,
  colors: { brand: '#123456' },
  _id: 'widget',
  updatedBy: { id: 'a1', name: 'Ada' },
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

/** The cache's rules, with a counting stand-in for the one document and the version key. */
describe('widget settings cache', () => {
  let reads = 0;
  let document: WidgetSettingsRecord | null = stored;
  let version: string | null = 'v1';
  let redisDown = false;
  const model = {
    findById: () => ({
      lean: () => {
        reads += 1;
        return Promise.resolve(document);
      },
    }),
  } as unknown as WidgetSettingsModel;
  const redis = {
    get: () => (redisDown ? Promise.reject(new Error('down')) : Promise.resolve(version)),
    set: () => Promise.resolve('OK' as const),
  };
  const service = () =>
    createWidgetSettingsService({
      model,
      audit: {} as AuditService,
      logger: { debug: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger,
      defaultAllowedOrigins: [],
      version: { redis, key: 'k' },
      cacheMs: 10_000,
    });

  beforeEach(() => {
    reads = 0;
    document = stored;
    version = 'v1';
    redisDown = false;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reads the document once while the version stays, again when it changes', async () => {
    const settings = service();
    expect((await settings.publicSettings()).colors.brand).toBe('#123456');
    await settings.allowedOrigins();
    await settings.requiredPrechatFields();
    expect(reads).toBe(1);
    document = { ...stored, colors: { brand: '#654321' } };
    version = 'v2';
    expect((await settings.publicSettings()).colors.brand).toBe('#654321');
    expect(reads).toBe(2);
  });

  it('shares one database read between concurrent misses', async () => {
    const settings = service();
    await Promise.all([settings.publicSettings(), settings.allowedOrigins(), settings.publicSettings()]);
    expect(reads).toBe(1);
  });

  it('reads again once the cache is older than cacheMs, even with the same version', async () => {
    const settings = service();
    await settings.publicSettings();
    vi.advanceTimersByTime(10_001);
    await settings.publicSettings();
    expect(reads).toBe(2);
  });

  it('goes to the database on every read while Redis is unreachable', async () => {
    const settings = service();
    redisDown = true;
    await settings.publicSettings();
    await settings.publicSettings();
    expect(reads).toBe(2);
  });

  it('requires nothing until settings were saved, then what they mark required', async () => {
    document = null;
    version = null;
    const settings = service();
    expect(await settings.requiredPrechatFields()).toBeNull();
    document = stored;
    version = 'v2';
    expect(await settings.requiredPrechatFields()).toEqual(['name', 'email', 'topic']);
  });
});
