import type { PublicFileRules } from '@switchboard/shared';
import { attachmentSettingsSchema, fileRulesQuerySchema } from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { AuditService } from '../audit/audit.service.js';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { AttachmentSettingsStore } from './attachment-settings.js';

/**
 * File rules: supervisors read them, admins replace them (audited); the
 * widget asks whether its chat's department takes customer files, so it
 * offers the attach button only where a file would be accepted.
 */
export function attachmentSettingsRoutes(deps: {
  settings: AttachmentSettingsStore;
  auth: RestAuth;
  audit: AuditService;
}): Router {
  const router = Router();
  const { auth } = deps;
  router.get('/api/public/file-rules', async (req, res) => {
    const { department } = parseInput(fileRulesQuerySchema, req.query);
    const { customerUploadsOffIn } = await deps.settings.read();
    const rules: PublicFileRules = { customerFiles: !department || !customerUploadsOffIn.includes(department) };
    res.set('cache-control', 'no-store').json(rules);
  });
  router.get(
    '/api/attachment-settings',
    auth.authenticate,
    auth.requireRole('supervisor', 'admin'),
    async (_req, res) => {
      res.set('cache-control', 'no-store').json({ settings: await deps.settings.read() });
    },
  );
  router.put('/api/attachment-settings', auth.authenticate, auth.requireRole('admin'), async (req, res) => {
    const next = parseInput(attachmentSettingsSchema, req.body);
    const saved = await deps.settings.save(next);
    await deps.audit.record({
      actor: currentAgent(res),
      action: 'attachment-settings.update',
      target: { kind: 'attachment-settings', id: 'attachments' },
      details: { ...saved },
    });
    res.json({ settings: saved });
  });
  return router;
}
