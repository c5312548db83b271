import type { AppContext } from '../app-context.js';
import type { Feature } from '../infra/feature.js';
import { widgetRoutes } from './widget.routes.js';
import { resolveWidgetDist } from './widget-dist.js';

/** Serves the embed script, the iframe app and the /demo support page (issue 6, item 6). */
export function createWidgetFeature(context: AppContext): Feature {
  const { config, logger } = context;
  return {
    name: 'widget',
    routes: widgetRoutes({
      dist: resolveWidgetDist(),
      allowedOrigins: config.WIDGET_ALLOWED_ORIGINS,
      publicUrl: config.PUBLIC_URL,
      logger,
    }),
  };
}
