export { createApp, type CreateAppOptions, type SwitchboardApp } from './app.js';
export { ConfigError, loadConfig, type Config } from './config/config.js';
export { createLogger, type Logger } from './infra/logger.js';
export type { AgentPrincipal } from './auth/principal.js';
// Infrastructure pieces the integration tests exercise against a real Redis.
export { createRedisConnections } from './infra/redis.js';
export { createBroadcaster } from './conversations/broadcast.js';
// The stored documents, for tests that check what was (or was not) written; the server's
// own folders ask the owning service instead.
export { conversationModels } from './conversations/conversation.model.js';
export { messageModel } from './messages/message.model.js';
// What bench/timers.ts measures: the idle timer's producer on the server's own queue factory.
export { createQueueFactory, type QueueFactory } from './infra/queues.js';
export { bullConnectionOptions } from './infra/redis.js';
export { createIdleTimers, type IdleTimers } from './jobs/idle-timers.js';
// What bench/scenarios/wait-estimate.ts checks against simulated waits: the estimate customers are shown.
export { estimateWaitSeconds, HANDLING_WINDOW, summarizeHandling, type EtaInput } from './routing/eta.js';
