import {
  AppError,
  type WebhookEndpointCreate,
  type WebhookEndpointUpdate,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  type WebhookEvent,
} from '@switchboard/shared';
import type { Redis } from 'ioredis';
import { Types } from 'mongoose';
import type { Logger } from '../infra/logger.js';
import { createVersionedCache } from '../infra/versioned-cache.js';
import type { WebhookEndpointDocument, WebhookModels } from './webhook.model.js';
import { newWebhookSecret } from './webhook-signing.js';

/** What the producer needs of an enabled endpoint to decide whether an event goes to it. */
export interface EndpointRoute {
  id: string;
  events: ReadonlySet<WebhookEvent>;
  includeInternalNotes: boolean;
}

export function toEndpointView(doc: WebhookEndpointDocument, now = new Date()): WebhookEndpointView {
  const rotatedUntil =
    doc.previousSecret && doc.previousSecretValidUntil && doc.previousSecretValidUntil > now
      ? doc.previousSecretValidUntil
      : null;
  return {
    id: doc._id.toHexString(),
    url: doc.url,
    ...(doc.description ? { description: doc.description } : {}),
    events: doc.events,
    includeInternalNotes: doc.includeInternalNotes,
    enabled: doc.enabled,
    ...(doc.disabled?.reason && doc.disabled.at
      ? {
          disabled: {
            reason: doc.disabled.reason,
            at: doc.disabled.at.toISOString(),
            ...(doc.disabled.failures ? { failures: doc.disabled.failures } : {}),
          },
        }
      : {}),
    consecutiveFailures: doc.consecutiveFailures,
    ...(rotatedUntil ? { previousSecretValidUntil: rotatedUntil.toISOString() } : {}),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** The secrets a delivery is signed with now: the current one, and one rotated away still in its overlap. */
export function secretsInForce(doc: WebhookEndpointDocument, now = new Date()): string[] {
  const previous =
    doc.previousSecret && doc.previousSecretValidUntil && doc.previousSecretValidUntil > now
      ? [doc.previousSecret]
      : [];
  return [doc.secret, ...previous];
}

/**
 * Webhook endpoints: admin CRUD, and the list of enabled ones every process
 * keeps in memory so that deciding whether an event goes anywhere costs no
 * Redis or database call. That list is re-read at once in the process that
 * changed it, and within `refreshMs` in the others (one Redis GET per period
 * per process, never per event).
 */
export function createWebhookEndpoints(deps: {
  models: WebhookModels;
  redis: Redis;
  prefix: string;
  logger: Logger;
  refreshMs: number;
  /** How long a rotated-away secret keeps signing. */
  rotationOverlapMs: number;
}) {
  const { Endpoint } = deps.models;
  const cache = createVersionedCache<EndpointRoute[]>({
    load: async () =>
      ((await Endpoint.find({ enabled: true }).lean()) as WebhookEndpointDocument[]).map((doc) => ({
        id: doc._id.toHexString(),
        events: new Set(doc.events),
        includeInternalNotes: doc.includeInternalNotes,
      })),
    redis: deps.redis,
    key: `${deps.prefix}:webhooks:version`,
    logger: deps.logger,
    name: 'webhook endpoints',
    maxAgeMs: Math.max(deps.refreshMs * 10, 30_000),
  });
  let routes: EndpointRoute[] = [];
  let timer: NodeJS.Timeout | null = null;

  const refresh = async () => {
    try {
      routes = await cache.get();
    } catch (error) {
      deps.logger.warn({ err: error }, 'webhook endpoints could not be re-read; keeping the last list');
    }
  };
  const changed = async () => {
    await cache.changed();
    await refresh();
  };

  const find = async (id: string) => {
    if (!Types.ObjectId.isValid(id)) return null;
    return (await Endpoint.findById(id).lean()) as WebhookEndpointDocument | null;
  };
  const require = async (id: string) => {
    const doc = await find(id);
    if (!doc) throw new AppError('NOT_FOUND', 'No such webhook endpoint.');
    return doc;
  };

  return {
    /** Enabled endpoints as last read (synchronous: the producer's check). */
    routes: (): readonly EndpointRoute[] => routes,
    async start() {
      await refresh();
      timer = setInterval(() => void refresh(), deps.refreshMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    find,
    require,

    async list(): Promise<WebhookEndpointView[]> {
      const docs = (await Endpoint.find({}).sort({ createdAt: 1 }).lean()) as WebhookEndpointDocument[];
      return docs.map((doc) => toEndpointView(doc));
    },

    async create(input: WebhookEndpointCreate): Promise<WebhookEndpointWithSecret> {
      const secret = newWebhookSecret();
      const created = await Endpoint.create({ ...input, secret });
      await changed();
      return { endpoint: toEndpointView(created.toObject()), secret };
    },

    async update(id: string, changes: WebhookEndpointUpdate): Promise<WebhookEndpointView> {
      await require(id);
      // Turning an endpoint on (again) starts its failure count afresh; turning it off is the admin's doing.
      const set: Record<string, unknown> = { ...changes };
      if (changes.enabled === true) Object.assign(set, { disabled: null, consecutiveFailures: 0 });
      if (changes.enabled === false) set.disabled = { reason: 'admin', at: new Date() };
      const updated = (await Endpoint.findByIdAndUpdate(
        id,
        { $set: set },
        { returnDocument: 'after' },
      ).lean()) as WebhookEndpointDocument | null;
      if (!updated) throw new AppError('NOT_FOUND', 'No such webhook endpoint.');
      await changed();
      return toEndpointView(updated);
    },

    async remove(id: string): Promise<WebhookEndpointView> {
      const doc = await require(id);
      await Endpoint.deleteOne({ _id: doc._id });
      await deps.models.Delivery.deleteMany({ endpointId: id });
      await changed();
      return toEndpointView(doc);
    },

    /** A new secret; the old one keeps signing (beside it) for the rotation overlap. */
    async rotateSecret(id: string): Promise<WebhookEndpointWithSecret> {
      const doc = await require(id);
      const secret = newWebhookSecret();
      const updated = (await Endpoint.findOneAndUpdate(
        { _id: doc._id, secret: doc.secret },
        {
          $set: {
            secret,
            previousSecret: doc.secret,
            previousSecretValidUntil: new Date(Date.now() + deps.rotationOverlapMs),
          },
        },
        { returnDocument: 'after' },
      ).lean()) as WebhookEndpointDocument | null;
      if (!updated) throw new AppError('CONFLICT', 'The secret was rotated meanwhile; look again.');
      return { endpoint: toEndpointView(updated), secret };
    },

    /**
     * A delivery failed for good: one more in a row. At `threshold` the
     * endpoint is turned off (returned, so the caller can tell people).
     */
    async recordFailure(id: string, threshold: number): Promise<WebhookEndpointDocument | null> {
      const counted = (await Endpoint.findOneAndUpdate(
        { _id: new Types.ObjectId(id) },
        { $inc: { consecutiveFailures: 1 } },
        { returnDocument: 'after' },
      ).lean()) as WebhookEndpointDocument | null;
      if (!counted || counted.consecutiveFailures < threshold) return null;
      const disabled = (await Endpoint.findOneAndUpdate(
        { _id: counted._id, enabled: true },
        {
          $set: {
            enabled: false,
            disabled: { reason: 'failing', at: new Date(), failures: counted.consecutiveFailures },
          },
        },
        { returnDocument: 'after' },
      ).lean()) as WebhookEndpointDocument | null;
      if (disabled) await changed();
      return disabled;
    },

    /** A delivery got through: the failure count starts again (written only when there was one). */
    async recordSuccess(id: string): Promise<void> {
      await Endpoint.updateOne(
        { _id: new Types.ObjectId(id), consecutiveFailures: { $gt: 0 } },
        { $set: { consecutiveFailures: 0 } },
      );
    },
  };
}

export type WebhookEndpoints = ReturnType<typeof createWebhookEndpoints>;
