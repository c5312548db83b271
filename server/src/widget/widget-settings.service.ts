import {
  DEFAULT_WIDGET_SETTINGS,
  widgetSettingsSchema,
  type PublicWidgetSettings,
  type WidgetSettings,
  type WidgetSettingsView,
} from '@switchboard/shared';
import type { AuditService } from '../audit/audit.service.js';
import type { AgentPrincipal } from '../auth/principal.js';
import type { DocumentLocks } from '../infra/document-lock.js';
import type { Logger } from '../infra/logger.js';
import { WIDGET_SETTINGS_ID, type WidgetSettingsModel, type WidgetSettingsRecord } from './widget-settings.model.js';

interface Dependencies {
  model: WidgetSettingsModel;
  locks: DocumentLocks;
  audit: AuditService;
  logger: Logger;
  /** WIDGET_ALLOWED_ORIGINS: in effect while the stored settings leave `allowedOrigins` null. */
  defaultAllowedOrigins: readonly string[];
}

const SETTINGS_KEYS = Object.keys(DEFAULT_WIDGET_SETTINGS) as (keyof WidgetSettings)[];

/**
 * The deployment's widget settings (W2, S4): one stored document that admins
 * replace over REST. Every read goes to the database — it is one small
 * document by id — so a change is in effect at once on every server process.
 */
export function createWidgetSettingsService(deps: Dependencies) {
  const { model } = deps;

  const load = async (): Promise<{ settings: WidgetSettings; record: WidgetSettingsRecord | null }> => {
    const record = (await model.findById(WIDGET_SETTINGS_ID).lean()) as WidgetSettingsRecord | null;
    if (!record) return { settings: DEFAULT_WIDGET_SETTINGS, record: null };
    const stored = Object.fromEntries(SETTINGS_KEYS.map((key) => [key, record[key]]));
    // Fields added to the schema later are absent from older documents: the defaults fill them.
    const parsed = widgetSettingsSchema.safeParse({ ...DEFAULT_WIDGET_SETTINGS, ...stored });
    if (parsed.success) return { settings: parsed.data, record };
    deps.logger.error({ issues: parsed.error.issues }, 'stored widget settings are invalid; using the defaults');
    return { settings: DEFAULT_WIDGET_SETTINGS, record };
  };

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

    /** Host origins that may embed the widget now (`*` = any); the server's own origin always may. */
    async allowedOrigins(): Promise<readonly string[]> {
      return (await load()).settings.allowedOrigins ?? deps.defaultAllowedOrigins;
    },

    /** Replaces the settings (already validated) and records who changed what. */
    async replace(actor: AgentPrincipal, next: WidgetSettings): Promise<WidgetSettingsView> {
      const { before, record } = await deps.locks.run(`widget-settings:${WIDGET_SETTINGS_ID}`, async () => {
        const previous = (await load()).settings;
        const saved = (await model
          .findOneAndUpdate(
            { _id: WIDGET_SETTINGS_ID },
            { $set: { ...next, updatedBy: { id: actor.id, name: actor.displayName } } },
            { upsert: true, returnDocument: 'after', lean: true },
          )
          .exec()) as WidgetSettingsRecord | null;
        return { before: previous, record: saved };
      });
      const changed = SETTINGS_KEYS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
      await deps.audit.record({
        actor,
        action: 'widget-settings.update',
        target: { kind: 'widget-settings', id: WIDGET_SETTINGS_ID },
        details: { changed, ...(changed.includes('allowedOrigins') ? { allowedOrigins: next.allowedOrigins } : {}) },
      });
      return toView(next, record);
    },
  };
}

export type WidgetSettingsService = ReturnType<typeof createWidgetSettingsService>;
