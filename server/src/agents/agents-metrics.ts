import { AGENT_STATUSES } from '@switchboard/shared';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../infra/logger.js';
import type { AgentsService } from './agents.service.js';

/** `switchboard_agents{status}`: active agents by status, read from the database at scrape time (shared by all processes). */
export function registerAgentMetrics(registry: Registry, agents: AgentsService, logger: Logger): void {
  new Gauge({
    name: 'switchboard_agents',
    help: 'Active agents by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      try {
        const counts = await agents.countByStatus();
        for (const status of AGENT_STATUSES) this.set({ status }, counts[status]);
      } catch (error) {
        // A scrape during a database outage still answers; the readiness probe reports the outage.
        logger.debug({ err: error }, 'agent metrics unavailable');
      }
    },
  });
}
