import { Router } from 'express';
import { z } from 'zod';
import type { RestAuth } from '../auth/rest-auth.js';
import type { QueueFactory } from '../infra/queues.js';
import { parseInput } from '../infra/validation.js';
import { AppError } from '@switchboard/shared';
import type { IdleFlags } from './idle-flags.js';

export const failedJobsQuerySchema = z
  .object({
    queue: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/**
 * Operations: failed jobs per queue for admins (with a retry), and the idle
 * conversations list for supervisors (live updates come as
 * `conversation.idle` events on the agent socket).
 */
export function jobsRoutes(deps: { auth: RestAuth; queues: QueueFactory; flags: IdleFlags }): Router {
  const router = Router();
  const { auth, queues } = deps;
  const known = (name: string) => {
    if (!queues.names().includes(name)) throw new AppError('NOT_FOUND', 'No such queue.');
    return queues.queue(name);
  };

  router.get(
    '/api/idle-conversations',
    auth.authenticate,
    auth.requireRole('supervisor', 'admin'),
    async (_req, res) => {
      res.json({ conversations: await deps.flags.list() });
    },
  );

  router.get('/api/admin/jobs/failed', auth.authenticate, auth.requireRole('admin'), async (req, res) => {
    const query = parseInput(failedJobsQuerySchema, req.query);
    const names = query.queue ? [known(query.queue).name] : queues.names();
    const result = await Promise.all(
      names.map(async (name) => {
        const queue = queues.queue(name);
        const [counts, jobs] = await Promise.all([
          queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
          queue.getFailed(0, query.limit - 1),
        ]);
        return {
          queue: name,
          counts,
          failed: jobs.map((job) => ({
            id: job.id,
            name: job.name,
            data: job.data,
            failedReason: job.failedReason,
            attemptsMade: job.attemptsMade,
            createdAt: new Date(job.timestamp).toISOString(),
            ...(job.finishedOn ? { failedAt: new Date(job.finishedOn).toISOString() } : {}),
          })),
        };
      }),
    );
    res.json({ queues: result });
  });

  router.post('/api/admin/jobs/:queue/:id/retry', auth.authenticate, auth.requireRole('admin'), async (req, res) => {
    const queue = known(parseInput(z.string().max(64), req.params.queue));
    const job = await queue.getJob(parseInput(z.string().min(1).max(200), req.params.id));
    if (!job || !(await job.isFailed())) throw new AppError('NOT_FOUND', 'No such failed job.');
    await job.retry('failed');
    res.status(204).end();
  });

  return router;
}
