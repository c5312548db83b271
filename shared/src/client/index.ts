export { ConversationLog } from './conversation-log.js';
export { Outbox, type OutboxEntry, type OutboxOptions, type OutboxState } from './outbox.js';
export { AttachmentUploads, xhrPut, type PutFile, type StagedUpload, type UploadState } from './attachment-uploads.js';
