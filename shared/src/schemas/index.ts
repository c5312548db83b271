// Validation: the zod schemas of every payload, REST body and query the server
// checks, and one schema per client event (events.ts).
export * from './agents.js';
export * from './api-tokens.js';
export * from './attachments.js';
export * from './audit.js';
export * from './blocks.js';
export * from './conversations.js';
export * from './data-protection.js';
export * from './desk.js';
export * from './events.js';
export * from './feedback.js';
export * from './handshake.js';
export * from './identity.js';
export * from './ids.js';
export * from './jobs.js';
export * from './knowledge.js';
export * from './messages.js';
export * from './presence.js';
export * from './reports.js';
export * from './routing.js';
export * from './supervision.js';
export * from './system.js';
export * from './text.js';
export * from './webhooks.js';
export * from './widget-bridge.js';
export * from './widget-settings.js';
