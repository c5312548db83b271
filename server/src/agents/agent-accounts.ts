import { AppError, type AgentView } from '@switchboard/shared';
import { agentCreateSchema } from '@switchboard/shared/schemas';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import { parseInput } from '../infra/validation.js';
import { agentModel, isDuplicateKeyError, type AgentModel, type AgentRecord } from './agent.model.js';
import { toAgentView } from './agent-view.js';
import { hashPassword } from './password.js';

export type AgentCreateInput = z.input<typeof agentCreateSchema>;

/** Validates and stores a new agent with a hashed password; CONFLICT when the email is taken (the unique index decides). */
export async function insertAgent(model: AgentModel, input: unknown): Promise<AgentRecord> {
  const parsed = parseInput(agentCreateSchema, input);
  try {
    const created = await model.create({
      email: parsed.email.trim().toLowerCase(),
      passwordHash: await hashPassword(parsed.password),
      displayName: parsed.displayName,
      avatarUrl: parsed.avatarUrl ?? null,
      role: parsed.role,
      departmentIds: parsed.departmentIds.map((id) => new Types.ObjectId(id)),
      languages: parsed.languages,
      capacity: parsed.capacity,
    });
    return created.toObject<AgentRecord>();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', 'An agent with this email already exists.');
    throw error;
  }
}

/**
 * Creates an agent straight in the database of a connection, without a
 * running server (the create-agent CLI). The input is validated here: VALIDATION_FAILED or CONFLICT.
 */
export async function createAgentAccount(mongo: Connection, input: unknown): Promise<AgentView> {
  const model = agentModel(mongo);
  await model.init();
  return toAgentView(await insertAgent(model, input));
}
