export { createApp, type CreateAppOptions, type SwitchboardApp } from './app.js';
export { ConfigError, loadConfig, type Config } from './config/config.js';
export { createLogger, type Logger } from './infra/logger.js';
export type { AgentPrincipal } from './auth/principal.js';
// Infrastructure pieces the integration tests exercise against a real Redis.
export { createRedisConnections } from './infra/redis.js';
export { ResilientMutex } from './infra/resilient-mutex.js';
