import { Router } from 'express';
import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { pingMongo } from '../infra/mongo.js';
import { pingRedis } from '../infra/redis.js';
import { withTimeout } from '../infra/with-timeout.js';

interface Dependencies {
  mongo: Connection;
  redis: Redis;
  metrics: Registry;
  /** False once shutdown has begun, so load balancers stop sending traffic. */
  isAccepting: () => boolean;
}

const CHECK_TIMEOUT_MS = 1_500;

async function check(probe: () => Promise<void>): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await withTimeout(probe(), CHECK_TIMEOUT_MS, `no answer within ${CHECK_TIMEOUT_MS} ms`);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function systemRoutes({ mongo, redis, metrics, isAccepting }: Dependencies): Router {
  const router = Router();

  // Liveness: the process runs and its event loop answers. Never touches dependencies,
  // so an orchestrator does not restart us because the database blipped.
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Readiness: we can serve traffic, i.e. MongoDB and Redis both answer.
  router.get('/readyz', async (_req, res) => {
    const [mongodb, redisCheck] = await Promise.all([check(() => pingMongo(mongo)), check(() => pingRedis(redis))]);
    const checks = { mongodb, redis: redisCheck };
    const ready = mongodb.ok && redisCheck.ok && isAccepting();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', accepting: isAccepting(), checks });
  });

  router.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });

  return router;
}
