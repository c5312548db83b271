export { ConversationLog } from './conversation-log.js';
export { Outbox, type OutboxEntry, type OutboxOptions, type OutboxState } from './outbox.js';
