// The protocol entry: event maps, views, constants, error codes and the
// protocol version, with no dependency at run time (zod stays out of it, so
// the widget's first chunk can import from here). Validation is
// `@switchboard/shared/schemas`; client helpers, texts and secret detection
// have their own entries (`/client`, `/i18n`, `/secrets`).
export { PROTOCOL_VERSION } from './protocol-version.js';
export { AppError, ERROR_CODES, isErrorCode, type ErrorCode, type ErrorPayload } from './errors.js';
export { ackError, ackOk, type Ack, type AckResult } from './ack.js';
export * from './handshake.js';
export * from './locales.js';
export * from './text.js';
export * from './identity.js';
export * from './agents.js';
export * from './conversations.js';
export * from './routing.js';
export * from './messages.js';
export * from './attachments.js';
export * from './presence.js';
export * from './jobs.js';
export * from './feedback.js';
export * from './events/system.js';
export * from './events/customer.js';
export * from './events/agent.js';
export * from './events/names.js';
export * from './widget-bridge.js';
export * from './widget-settings.js';
export * from './desk.js';
export * from './audit.js';
export * from './blocks.js';
export * from './supervision.js';
export * from './knowledge.js';
export { rankArticles, stem, tokenize, type RankableArticle } from './knowledge-rank.js';
export * from './reports.js';
export * from './webhooks.js';
export * from './api-tokens.js';
export * from './data-protection.js';
