import { AppError, type AgentRole, type Locale } from '@switchboard/shared';
import type { Config } from '../config/config.js';
import type { Logger } from '../infra/logger.js';
import type { AgentModel } from './agent.model.js';
import { insertAgent } from './agent-accounts.js';
import type { AgentsService } from './agents.service.js';

/** The password of every demo agent (development only; documented in the README). */
export const DEMO_PASSWORD = 'switchboard-demo';

const DEMO_AGENTS: { email: string; displayName: string; role: AgentRole; languages: Locale[] }[] = [
  { email: 'admin@example.com', displayName: 'Alex Admin', role: 'admin', languages: ['en'] },
  { email: 'supervisor@example.com', displayName: 'Sam Supervisor', role: 'supervisor', languages: ['en', 'fr'] },
  { email: 'lei@example.com', displayName: 'Lei', role: 'agent', languages: ['zh-Hans', 'zh-Hant', 'en'] },
  { email: 'marie@example.com', displayName: 'Marie', role: 'agent', languages: ['fr', 'en'] },
  { email: 'olga@example.com', displayName: 'Olga', role: 'agent', languages: ['ru', 'en'] },
];

const ignoreConflict = (error: unknown) => {
  // Another process starting at the same moment created it first: the unique email index decided.
  if (error instanceof AppError && error.code === 'CONFLICT') return;
  throw error;
};

/** ADMIN_EMAIL + ADMIN_PASSWORD: create the first admin when there is no admin yet. Idempotent. */
export async function ensureFirstAdmin(model: AgentModel, config: Config, logger: Logger): Promise<void> {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) {
    if (config.ADMIN_EMAIL ?? config.ADMIN_PASSWORD)
      logger.warn('set both ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin');
    return;
  }
  if (await model.exists({ role: 'admin' })) return;
  await insertAgent(model, {
    email: config.ADMIN_EMAIL,
    password: config.ADMIN_PASSWORD,
    displayName: 'Administrator',
    role: 'admin',
  })
    .then(() => logger.info({ email: config.ADMIN_EMAIL }, 'first admin created from ADMIN_EMAIL'))
    .catch(ignoreConflict);
}

/** Development only: a handful of agents to try the desk with, created once while the collection is empty. */
export async function seedDemoAgents(model: AgentModel, logger: Logger): Promise<void> {
  if ((await model.estimatedDocumentCount()) > 0) return;
  for (const agent of DEMO_AGENTS) {
    await insertAgent(model, { ...agent, password: DEMO_PASSWORD }).catch(ignoreConflict);
  }
  logger.info(
    { password: DEMO_PASSWORD, agents: DEMO_AGENTS.map(({ email, role }) => `${email} (${role})`) },
    `demo agents created; sign in with any of them and the password "${DEMO_PASSWORD}"`,
  );
}

/** The demo accounts that exist and are active, for the start banner (development only). */
export async function demoSignIns(agents: Pick<AgentsService, 'list'>): Promise<{ email: string; role: AgentRole }[]> {
  const demo = new Set(DEMO_AGENTS.map((agent) => agent.email));
  const existing = (await agents.list()).filter((agent) => agent.active && demo.has(agent.email));
  return DEMO_AGENTS.filter((agent) => existing.some((each) => each.email === agent.email)).map(({ email, role }) => ({
    email,
    role,
  }));
}
