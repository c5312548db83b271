import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type RequestHandler } from 'express';
import type { RestAuth } from '../auth/rest-auth.js';
import type { QueueFactory } from '../infra/queues.js';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board at /admin/queues for admins (the agent-app session cookie).
 * Read-only: its buttons would send PUTs without our CSRF token; retries go
 * through `POST /api/admin/jobs/:queue/:id/retry` instead.
 */
export function queuesDashboard(deps: { auth: RestAuth; queues: QueueFactory }): {
  router: Router;
  refresh: () => void;
} {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Switchboard jobs' } },
  });
  const router = Router();
  router.use(
    DASHBOARD_PATH,
    deps.auth.authenticate,
    deps.auth.requireRole('admin'),
    serverAdapter.getRouter() as RequestHandler,
  );
  return {
    router,
    /** Shows every queue this process knows (other features create theirs while starting). */
    refresh() {
      board.replaceQueues(
        deps.queues.names().map((name) => new BullMQAdapter(deps.queues.queue(name), { readOnlyMode: true })),
      );
    },
  };
}
