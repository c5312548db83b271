import { Router } from 'express';
import type { RestAuth } from '../auth/rest-auth.js';
import type { RoutingService } from './routing.service.js';

/** Supervisors' view of the queues (the live board): the numbers `queue.stats` pushes, on request. */
export function routingRoutes(routing: RoutingService, auth: RestAuth): Router {
  const router = Router();
  router.get('/api/routing/queues', auth.authenticate, auth.requireRole('supervisor', 'admin'), async (_req, res) => {
    res.json(await routing.stats());
  });
  return router;
}
