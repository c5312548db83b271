import { DEFAULT_AGENT_CAPACITY } from '@switchboard/shared';
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import type { AgentsService } from '../agents/agents.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { Feature } from '../infra/feature.js';
import type { Clock } from '../routing/clock.js';
import { createDepartmentKeys } from './department-keys.js';
import { departmentModel } from './department.model.js';
import { departmentsRoutes } from './departments.routes.js';
import { seedDemoDepartments } from './departments-seed.js';
import { createDepartmentsService, type DepartmentsService } from './departments.service.js';

/** Departments: topics, languages, business hours and routing settings, administered over REST. */
export function createDepartmentsFeature(
  context: AppContext,
  deps: { restAuth: RestAuth; clock: Clock; audit: AuditService; agents: Pick<AgentsService, 'addToDepartments'> },
): { feature: Feature; services: { departments: DepartmentsService } } {
  const model = departmentModel(context.mongo);
  const keys = createDepartmentKeys(context.mongo, model);
  const departments = createDepartmentsService({
    model,
    keys,
    clock: deps.clock,
    version: {
      redis: context.redis.command,
      key: `${context.config.REDIS_PREFIX}:departments:version`,
      feed: context.redis.changes,
    },
    logger: context.logger,
  });
  const routes = Router();
  const { config } = context;
  // What a threshold left empty falls back to (the jobs and routing features read the same settings).
  const defaults = {
    defaultCapacity: DEFAULT_AGENT_CAPACITY,
    customerIdleNudgeSeconds: config.CUSTOMER_IDLE_NUDGE / 1000,
    customerIdleCloseSeconds: config.CUSTOMER_IDLE_CLOSE / 1000,
    agentReplySlaSeconds: config.AGENT_REPLY_SLA / 1000,
    autoRequeueSeconds: config.AGENT_IDLE_REQUEUE === undefined ? null : config.AGENT_IDLE_REQUEUE / 1000,
  };
  routes.use(departmentsRoutes(departments, deps.restAuth, deps.audit, defaults));
  return {
    feature: {
      name: 'departments',
      routes,
      async start() {
        // Departments saved before names and topics were held as keys get theirs.
        await keys.backfill();
        // After the agents feature seeded the demo agents (features start in order): they are placed in these.
        if (config.NODE_ENV === 'development') {
          await seedDemoDepartments({ model, departments, agents: deps.agents, logger: context.logger });
        }
      },
    },
    services: { departments },
  };
}
