import {
  DEFAULT_WIDGET_SETTINGS,
  PRECHAT_FIELDS,
  type PrechatField,
  type PublicWidgetSettings,
  type WidgetSettings,
  type WidgetSettingsView,
} from '@switchboard/shared';
import { widgetSettingsSchema } from '@switchboard/shared/schemas';
import type { Redis } from 'ioredis';
import type { AuditService } from '../audit/audit.service.js';
import type { AgentPrincipal } from '../auth/principal.js';
import type { Logger } from '../infra/logger.js';
import { createVersionedCache } from '../infra/versioned-cache.js';
import type { ChangeFeed } from '../infra/change-feed.js';
import { WIDGET_SETTINGS_ID, type WidgetSettingsModel, type WidgetSettingsRecord } from './widget-settings.model.js';

interface Dependencies {
  model: WidgetSettingsModel;
  audit: AuditService;
  logger: Logger;
  /** WIDGET_ALLOWED_ORIGINS: in effect while the stored settings leave `allowedOrigins` null. */
  defaultAllowedOrigins: readonly string[];
  /** The settings' version: a Redis key every save rewrites (shared by all processes of the deployment). */
  version: { redis: Pick<Redis, 'get' | 'set'>; key: string; feed?: ChangeFeed };
  /** How long a process may keep the settings without anyone announcing a save (a safety net only). */
  cacheMs?: number;
}

interface Loaded {
  settings: WidgetSettings;
  record: WidgetSettingsRecord | null;
}

const SETTINGS_KEYS = Object.keys(DEFAULT_WIDGET_SETTINGS) as (keyof WidgetSettings)[];

/**
 * The deployment's widget settings (pre-chat fields, allowed origins, colours):
 * one stored document that admins replace over REST. They are read on every
 * customer handshake, frame request and pre-chat start, so each process keeps
 * them in memory behind a version in Redis (infra/versioned-cache.ts): a save
 * is in effect at once on every server process.
 */
export function createWidgetSettingsService(deps: Dependencies) {
  const { model } = deps;
  const fromDatabase = async (): Promise<Loaded> => settingsOf(await model.findById(WIDGET_SETTINGS_ID).lean());
  const settingsOf = (record: WidgetSettingsRecord | null): Loaded => {
    if (!record) return { settings: DEFAULT_WIDGET_SETTINGS, record: null };
    const stored = Object.fromEntries(SETTINGS_KEYS.map((key) => [key, record[key]]));
    // Fields added to the schema later are absent from older documents: the defaults fill them.
    const parsed = widgetSettingsSchema.safeParse({ ...DEFAULT_WIDGET_SETTINGS, ...stored });
    if (parsed.success) return { settings: parsed.data, record };
    deps.logger.error({ issues: parsed.error.issues }, 'stored widget settings are invalid; using the defaults');
    return { settings: DEFAULT_WIDGET_SETTINGS, record };
  };

  const cache = createVersionedCache({
    load: fromDatabase,
    redis: deps.version.redis,
    key: deps.version.key,
    feed: deps.version.feed,
    logger: deps.logger,
    name: 'widget settings',
    maxAgeMs: deps.cacheMs ?? 30_000,
  });
  const load = () => cache.get();

  const toView = (settings: WidgetSettings, record: WidgetSettingsRecord | null): WidgetSettingsView => ({
    ...settings,
    updatedAt: record ? record.updatedAt.toISOString() : null,
    updatedBy: record ? record.updatedBy : null,
    defaultAllowedOrigins: [...deps.defaultAllowedOrigins],
  });

  return {
    async view(): Promise<WidgetSettingsView> {
      const { settings, record } = await load();
      return toView(settings, record);
    },

    /** What the widget needs to draw its form and end screen. */
    async publicSettings(): Promise<PublicWidgetSettings> {
      const { fields, colors, greeting, transcriptOffer } = (await load()).settings;
      return { fields, colors, greeting, transcriptOffer };
    },

    /**
     * The pre-chat fields a start must carry: the `required` ones of the
     * settings an admin saved. Null while nobody has saved settings: the
     * built-in defaults guide the widget's form, but the server stays lenient
     * (API clients, older widgets and the bench start chats without an email).
     */
    async requiredPrechatFields(): Promise<readonly PrechatField[] | null> {
      const { settings, record } = await load();
      if (!record) return null;
      return PRECHAT_FIELDS.filter((field) => settings.fields[field] === 'required');
    },

    /** The brand's name customers know (emails are sent in it), or null. */
    async brandName(): Promise<string | null> {
      return (await load()).settings.brandName;
    },

    /** Host origins that may embed the widget now (`*` = any); the server's own origin always may. */
    async allowedOrigins(): Promise<readonly string[]> {
      return (await load()).settings.allowedOrigins ?? deps.defaultAllowedOrigins;
    },

    /** Replaces the settings (already validated) and records who changed what. */
    async replace(actor: AgentPrincipal, next: WidgetSettings): Promise<WidgetSettingsView> {
      // The document as this save replaced it, in the same atomic write: the audit names exactly what changed.
      const replaced = (await model
        .findOneAndUpdate(
          { _id: WIDGET_SETTINGS_ID },
          { $set: { ...next, updatedBy: { id: actor.id, name: actor.displayName } } },
          { upsert: true, returnDocument: 'before', lean: true },
        )
        .exec()) as WidgetSettingsRecord | null;
      const before = settingsOf(replaced).settings;
      const record = (await model.findById(WIDGET_SETTINGS_ID).lean()) as WidgetSettingsRecord | null;
      await cache.changed();
      const changed = SETTINGS_KEYS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
      await deps.audit.record({
        actor,
        action: 'widget-settings.update',
        target: { kind: 'widget-settings', id: WIDGET_SETTINGS_ID, name: 'Widget settings' },
        details: { changed, ...(changed.includes('allowedOrigins') ? { allowedOrigins: next.allowedOrigins } : {}) },
      });
      return toView(next, record);
    },
  };
}

export type WidgetSettingsService = ReturnType<typeof createWidgetSettingsService>;
