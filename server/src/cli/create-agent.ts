import { parseArgs } from 'node:util';
import { AGENT_ROLES, AppError, type AgentRole } from '@switchboard/shared';
import { createAgentAccount } from '../agents/agent-accounts.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { createLogger } from '../infra/logger.js';
import { connectMongo } from '../infra/mongo.js';

const USAGE = `Usage: create-agent --email EMAIL --password PASSWORD --name "DISPLAY NAME"
                    [--role agent|supervisor|admin] [--capacity N] [--languages en,fr] [--avatar URL]
Reads MONGODB_URI and MONGODB_DB like the server. The password may come from AGENT_PASSWORD instead.`;

/** Creates an agent account in the configured database (e.g. the first admin on a fresh install). */
async function main(): Promise<number> {
  // `pnpm run create-agent -- --email …` passes the `--` through on some pnpm versions.
  const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'agent' },
      capacity: { type: 'string' },
      languages: { type: 'string' },
      avatar: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const password = values.password ?? process.env.AGENT_PASSWORD;
  if (values.help || !values.email || !password || !values.name) {
    (values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (!(AGENT_ROLES as readonly string[]).includes(values.role)) {
    process.stderr.write(`--role must be one of ${AGENT_ROLES.join(', ')}\n`);
    return 2;
  }
  const config = loadConfig();
  // stdout carries only the created agent's JSON; closing the connection would log a "disconnected" warning.
  const logger = createLogger({ ...config, LOG_LEVEL: 'error' });
  const mongo = await connectMongo(config.MONGODB_URI, config.MONGODB_DB, logger);
  try {
    const agent = await createAgentAccount(mongo, {
      email: values.email,
      password,
      displayName: values.name,
      role: values.role as AgentRole,
      ...(values.capacity ? { capacity: Number(values.capacity) } : {}),
      ...(values.languages ? { languages: values.languages.split(',').map((language) => language.trim()) } : {}),
      ...(values.avatar ? { avatarUrl: values.avatar } : {}),
    });
    process.stdout.write(`${JSON.stringify(agent)}\n`);
    return 0;
  } finally {
    await mongo.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof AppError) {
      const details = error.details === undefined ? '' : ` ${JSON.stringify(error.details)}`;
      process.stderr.write(`${error.code}: ${error.message}${details}\n`);
    } else process.stderr.write(`create-agent failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
