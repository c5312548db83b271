import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { Feature } from '../infra/feature.js';
import { widgetSettingsModel } from './widget-settings.model.js';
import { widgetSettingsRoutes } from './widget-settings.routes.js';
import { createWidgetSettingsService, type WidgetSettingsService } from './widget-settings.service.js';
import { widgetRoutes } from './widget.routes.js';
import { resolveWidgetDist } from './widget-dist.js';

/**
 * Serves the embed script, the iframe app and the /demo support page, and
 * the admin-edited widget settings the frame and form follow.
 */
export function createWidgetFeature(
  context: AppContext,
  deps: { restAuth: RestAuth; audit: AuditService },
): { feature: Feature; services: { widgetSettings: WidgetSettingsService } } {
  const { config, logger } = context;
  const widgetSettings = createWidgetSettingsService({
    model: widgetSettingsModel(context.mongo),
    audit: deps.audit,
    logger,
    defaultAllowedOrigins: config.WIDGET_ALLOWED_ORIGINS,
    version: {
      redis: context.redis.command,
      key: `${config.REDIS_PREFIX}:widget-settings:version`,
      feed: context.redis.changes,
    },
  });
  const routes = Router();
  routes.use(widgetSettingsRoutes(widgetSettings, deps.restAuth));
  routes.use(
    widgetRoutes({
      dist: resolveWidgetDist(),
      allowedOrigins: () => widgetSettings.allowedOrigins(),
      brandColor: async () => (await widgetSettings.publicSettings()).colors.brand,
      publicUrl: config.PUBLIC_URL,
      logger,
    }),
  );
  return { feature: { name: 'widget', routes }, services: { widgetSettings } };
}
