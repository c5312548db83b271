import type { AppContext } from '../app-context.js';
import { defineFeature } from '../infra/feature.js';
import { systemRoutes } from './system.routes.js';
import { systemSocketHandlers } from './system.socket.js';

export function createSystemFeature(context: AppContext, isAccepting: () => boolean) {
  return defineFeature({
    name: 'system',
    routes: systemRoutes({ mongo: context.mongo, redis: context.redis.command, metrics: context.metrics, isAccepting }),
    handlers: systemSocketHandlers,
  });
}
