import { DEFAULT_AGENT_CAPACITY, type DepartmentView } from '@switchboard/shared';
import type { Types } from 'mongoose';

/** Live departments' default capacities by department id (only those that set one). */
export type CapacityDefaults = ReadonlyMap<string, number>;

/** What an agent's limit is computed from. */
export interface CapacityHolder {
  capacity: number | null;
  departmentIds: readonly Types.ObjectId[];
}

/**
 * The agent's own capacity wins; an agent without one
 * takes the smallest default of their departments (an agent in two teams
 * stays within both teams' limits); with none set anywhere, the deployment's
 * {@link DEFAULT_AGENT_CAPACITY}.
 */
export function limitOf(agent: CapacityHolder, defaults: CapacityDefaults): number {
  if (agent.capacity !== null) return agent.capacity;
  let limit: number | null = null;
  for (const id of agent.departmentIds) {
    const value = defaults.get(id.toHexString());
    if (value !== undefined && (limit === null || value < limit)) limit = value;
  }
  return limit ?? DEFAULT_AGENT_CAPACITY;
}

/**
 * The department defaults, from the departments' own cache (departments.service.ts),
 * so an admin's change applies to the next claim on every process.
 */
export function createCapacityLimits(liveDepartments: () => Promise<Pick<DepartmentView, 'id' | 'defaultCapacity'>[]>) {
  async function defaults(): Promise<CapacityDefaults> {
    return new Map(
      (await liveDepartments()).flatMap((department) =>
        typeof department.defaultCapacity === 'number' ? [[department.id, department.defaultCapacity] as const] : [],
      ),
    );
  }
  const none: CapacityDefaults = new Map();
  return {
    defaults,
    /** One agent's limit, reading the departments only when the agent has no capacity of their own. */
    async of(agent: CapacityHolder): Promise<number> {
      return limitOf(agent, agent.capacity === null ? await defaults() : none);
    },
  };
}

export type CapacityLimits = ReturnType<typeof createCapacityLimits>;
