import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RestAuth } from '../auth/rest-auth.js';
import type { Feature } from '../infra/feature.js';
import type { Clock } from '../routing/clock.js';
import { departmentModel } from './department.model.js';
import { departmentsRoutes } from './departments.routes.js';
import { createDepartmentsService, type DepartmentsService } from './departments.service.js';

/** Departments (R1, S4): topics, languages, business hours and routing settings, administered over REST. */
export function createDepartmentsFeature(
  context: AppContext,
  deps: { restAuth: RestAuth; clock: Clock; audit: AuditService },
): { feature: Feature; services: { departments: DepartmentsService } } {
  const departments = createDepartmentsService({
    model: departmentModel(context.mongo),
    locks: context.locks,
    clock: deps.clock,
    version: { redis: context.redis.command, key: `${context.config.REDIS_PREFIX}:departments:version` },
    logger: context.logger,
  });
  const routes = Router();
  routes.use(departmentsRoutes(departments, deps.restAuth, deps.audit));
  return { feature: { name: 'departments', routes }, services: { departments } };
}
