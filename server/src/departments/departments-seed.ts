import { AppError, SUPPORTED_LOCALES } from '@switchboard/shared';
import { departmentCreateSchema } from '@switchboard/shared/schemas';
import { Types } from 'mongoose';
import type { AgentsService } from '../agents/agents.service.js';
import type { Logger } from '../infra/logger.js';
import type { DepartmentModel } from './department.model.js';
import type { DepartmentsService } from './departments.service.js';
import { DEMO_DEPARTMENTS } from './demo-departments.js';

/**
 * Development only: the demo brand's departments, created once while there
 * are none at all (archived ones count, so what an admin removed stays
 * removed), with the demo agents placed in them. Two processes starting
 * together may both try: the unique department names decide, and each places
 * agents only in the departments it created.
 */
export async function seedDemoDepartments(deps: {
  model: DepartmentModel;
  departments: Pick<DepartmentsService, 'create'>;
  agents: Pick<AgentsService, 'addToDepartments'>;
  logger: Logger;
}): Promise<void> {
  if ((await deps.model.estimatedDocumentCount()) > 0) return;
  const placements = new Map<string, Types.ObjectId[]>();
  let created = 0;
  for (const demo of DEMO_DEPARTMENTS) {
    const input = departmentCreateSchema.parse({
      name: demo.names.en,
      topics: demo.topics,
      languages: [...SUPPORTED_LOCALES],
      hours: demo.hours,
    });
    try {
      const department = await deps.departments.create(input);
      created += 1;
      for (const email of demo.agentEmails) {
        placements.set(email, [...(placements.get(email) ?? []), new Types.ObjectId(department.id)]);
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') continue;
      throw error;
    }
  }
  // $addToSet in one write per agent: a placement by the other process is never overwritten.
  for (const [email, departmentIds] of placements) {
    await deps.agents.addToDepartments(email, departmentIds);
  }
  if (created > 0) deps.logger.info({ count: created }, 'demo departments seeded, demo agents placed in them');
}
