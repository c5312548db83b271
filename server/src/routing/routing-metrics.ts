import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ConversationDocument } from '../conversations/conversation.model.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { Logger } from '../infra/logger.js';
import { queueKeyOf } from './queue-keys.js';

export type AssignmentVia = 'auto' | 'pickup' | 'transfer';

/**
 * `switchboard_routing_queue_length{queue}` (read from the database at scrape
 * time, so every process reports the same), `switchboard_routing_assignments_total{via}`
 * and `switchboard_routing_assignment_latency_seconds` (queued → assigned, automatic assignments).
 */
export function createRoutingMetrics(
  registry: Registry,
  conversations: Pick<ConversationsService, 'queuedCountByDepartment'>,
  logger: Logger,
) {
  new Gauge({
    name: 'switchboard_routing_queue_length',
    help: 'Chats waiting for an agent, per queue (department id or "general")',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      try {
        const rows = await conversations.queuedCountByDepartment();
        this.reset();
        for (const row of rows) this.set({ queue: queueKeyOf(row._id) }, row.count);
      } catch (error) {
        logger.debug({ err: error }, 'queue metrics unavailable');
      }
    },
  });
  const assignments = new Counter({
    name: 'switchboard_routing_assignments_total',
    help: 'Chats handed to an agent, by how',
    labelNames: ['via'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'switchboard_routing_assignment_latency_seconds',
    help: 'Time from entering the queue to automatic assignment',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
    registers: [registry],
  });
  return {
    assigned(via: AssignmentVia, conversation: ConversationDocument): void {
      assignments.inc({ via });
      if (via === 'auto' && conversation.assignedAt) {
        latency.observe(Math.max(0, (conversation.assignedAt.getTime() - conversation.queuedAt.getTime()) / 1000));
      }
    },
  };
}

export type RoutingMetrics = ReturnType<typeof createRoutingMetrics>;
