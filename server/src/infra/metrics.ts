import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A registry per app instance (not prom-client's global one) so several
 * servers in one test process do not collide. Features add their own
 * counters and gauges to it.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'switchboard' });
  collectDefaultMetrics({ register: registry });
  return registry;
}
