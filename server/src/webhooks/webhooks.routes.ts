import { randomUUID } from 'node:crypto';
import { AppError, WEBHOOK_EVENTS, type WebhookDeliveryView } from '@switchboard/shared';
import {
  objectIdSchema,
  webhookDeliveriesQuerySchema,
  webhookEndpointCreateSchema,
  webhookEndpointUpdateSchema,
} from '@switchboard/shared/schemas';
import { Router } from 'express';
import type { JobsOptions, Queue } from 'bullmq';
import { z } from 'zod';
import type { AuditService } from '../audit/audit.service.js';
import { diffOf } from '../audit/diff.js';
import { currentAgent, type RestAuth } from '../auth/rest-auth.js';
import { parseInput } from '../infra/validation.js';
import type { WebhookDeliveryDocument, WebhookModels } from './webhook.model.js';
import type { WebhookEndpoints } from './webhook-endpoints.service.js';
import type { WebhookJob } from './webhook-jobs.js';

const deliveryIdSchema = z.uuid();

export function toDeliveryView(doc: WebhookDeliveryDocument): WebhookDeliveryView {
  return {
    id: doc._id,
    endpointId: doc.endpointId,
    event: doc.event,
    ...(doc.conversationId ? { conversationId: doc.conversationId } : {}),
    status: doc.status,
    attempts: doc.attempts,
    ...(typeof doc.responseStatus === 'number' ? { responseStatus: doc.responseStatus } : {}),
    ...(doc.error ? { error: doc.error } : {}),
    ...(typeof doc.latencyMs === 'number' ? { latencyMs: doc.latencyMs } : {}),
    createdAt: doc.createdAt.toISOString(),
    ...(doc.lastAttemptAt ? { lastAttemptAt: doc.lastAttemptAt.toISOString() } : {}),
    ...(doc.deliveredAt ? { deliveredAt: doc.deliveredAt.toISOString() } : {}),
  };
}

/** Outbound webhooks, admins only; every change is audited (never a secret). */
export function webhooksRoutes(deps: {
  auth: RestAuth;
  endpoints: WebhookEndpoints;
  models: WebhookModels;
  audit: AuditService;
  queue: () => Queue<WebhookJob>;
  jobOptions: JobsOptions;
}): Router {
  const router = Router();
  const admin = [deps.auth.authenticate, deps.auth.requireRole('admin')];
  const { endpoints, audit } = deps;
  const target = (id: string, url: string) => ({ kind: 'webhook', id, name: url });

  router.get('/api/webhooks', ...admin, async (_req, res) => {
    res.json({ endpoints: await endpoints.list(), events: WEBHOOK_EVENTS });
  });

  router.post('/api/webhooks', ...admin, async (req, res) => {
    const input = parseInput(webhookEndpointCreateSchema, req.body);
    const created = await endpoints.create(input);
    await audit.record({
      actor: currentAgent(res),
      action: 'webhook.create',
      target: target(created.endpoint.id, created.endpoint.url),
      details: { events: input.events, enabled: input.enabled, includeInternalNotes: input.includeInternalNotes },
    });
    res.status(201).json(created);
  });

  router.patch('/api/webhooks/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const changes = parseInput(webhookEndpointUpdateSchema, req.body);
    const before = await endpoints.require(id);
    const endpoint = await endpoints.update(id, changes);
    await audit.record({
      actor: currentAgent(res),
      action: 'webhook.update',
      target: target(id, endpoint.url),
      details: { diff: diffOf(before, changes) },
    });
    res.json({ endpoint });
  });

  router.delete('/api/webhooks/:id', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const removed = await endpoints.remove(id);
    await audit.record({ actor: currentAgent(res), action: 'webhook.delete', target: target(id, removed.url) });
    res.status(204).end();
  });

  router.post('/api/webhooks/:id/rotate-secret', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const rotated = await endpoints.rotateSecret(id);
    await audit.record({
      actor: currentAgent(res),
      action: 'webhook.rotate-secret',
      target: target(id, rotated.endpoint.url),
      details: { previousSecretValidUntil: rotated.endpoint.previousSecretValidUntil },
    });
    res.json(rotated);
  });

  router.get('/api/webhooks/:id/deliveries', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const query = parseInput(webhookDeliveriesQuerySchema, req.query);
    await endpoints.require(id);
    const docs = (await deps.models.Delivery.find({ endpointId: id, ...(query.status ? { status: query.status } : {}) })
      .sort({ createdAt: -1 })
      .limit(query.limit)
      .lean()) as WebhookDeliveryDocument[];
    res.json({ deliveries: docs.map(toDeliveryView) });
  });

  /** Sends a logged delivery again now, with the same id (receivers that saw it deduplicate). */
  router.post('/api/webhooks/:id/deliveries/:deliveryId/redeliver', ...admin, async (req, res) => {
    const id = parseInput(objectIdSchema, req.params.id);
    const deliveryId = parseInput(deliveryIdSchema, req.params.deliveryId);
    const endpoint = await endpoints.require(id);
    const delivery = (await deps.models.Delivery.findOne({
      _id: deliveryId,
      endpointId: id,
    }).lean()) as WebhookDeliveryDocument | null;
    if (!delivery?.conversationId) throw new AppError('NOT_FOUND', 'No such delivery.');
    const job: WebhookJob = {
      deliveryId,
      endpointId: id,
      event: delivery.event,
      conversationId: delivery.conversationId,
      ...(delivery.customerId ? { customerId: delivery.customerId } : {}),
      body: delivery.body,
    };
    await deps.models.Delivery.updateOne({ _id: deliveryId }, { $set: { status: 'pending' } });
    await deps.queue().add(job.event, job, { ...deps.jobOptions, jobId: `redeliver.${deliveryId}.${randomUUID()}` });
    await audit.record({
      actor: currentAgent(res),
      action: 'webhook.redeliver',
      target: target(id, endpoint.url),
      details: { deliveryId, event: delivery.event },
    });
    res.status(202).json({ delivery: toDeliveryView({ ...delivery, status: 'pending' }) });
  });

  return router;
}
