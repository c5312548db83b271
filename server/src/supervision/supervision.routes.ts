import { Router } from 'express';
import type { RestAuth } from '../auth/rest-auth.js';
import type { Board } from './board.js';
import type { LiveLists } from './live-lists.js';

/** The console's initial state over REST (the same figures the socket events give). */
export function supervisionRoutes(deps: { auth: RestAuth; board: Board; lists: LiveLists }): Router {
  const router = Router();
  const supervisors = [deps.auth.authenticate, deps.auth.requireRole('supervisor', 'admin')];
  router.get('/api/supervision/board', ...supervisors, async (_req, res) => {
    res.json(await deps.board.snapshot());
  });
  router.get('/api/supervision/idle', ...supervisors, async (_req, res) => {
    res.json({ sessions: await deps.lists.idle() });
  });
  return router;
}
