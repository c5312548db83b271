import { widgetSettingsSchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { WidgetSettingsService } from './widget-settings.service.js';

/** Widget settings (pre-chat fields, origins, colours): admins read and replace them, the widget its public part. */
export function widgetSettingsRoutes(settings: WidgetSettingsService, auth: RestAuth): Router {
  const router = Router();
  const read = [auth.authenticate, auth.requireRole('supervisor', 'admin')];
  const admin = [auth.authenticate, auth.requireRole('admin')];

  // Public: what the pre-chat form and end screen show. Never the origins or who changed what.
  router.get('/api/public/widget-settings', async (_req, res) => {
    res.set('cache-control', 'no-store').json({ settings: await settings.publicSettings() });
  });

  router.get('/api/widget-settings', ...read, async (_req, res) => {
    res.set('cache-control', 'no-store').json({ settings: await settings.view() });
  });

  // PUT replaces the whole document, so what the console shows is exactly what is stored.
  router.put('/api/widget-settings', ...admin, async (req, res) => {
    const next = parseInput(widgetSettingsSchema, req.body);
    res.json({ settings: await settings.replace(currentAgent(res), next) });
  });

  return router;
}
