export { ConversationLog } from './conversation-log.js';
export { Outbox, type OutboxEntry, type OutboxOptions, type OutboxState } from './outbox.js';
export { AttachmentUploads, xhrPut, type PutFile, type StagedUpload, type UploadState } from './attachment-uploads.js';
export { ProtocolClient, request, TIMEOUT_ERROR, type ProtocolClientOptions } from './protocol-client.js';
export { catchUp, type CatchUpOptions } from './catch-up.js';
export { SnapshotStore } from './snapshot-store.js';
export { TypingSender } from './typing-sender.js';
export type {
  AckOf,
  ConnectionEvents,
  EventHandlers,
  PayloadOf,
  RequestName,
  SignalName,
  SocketFactory,
  SocketPort,
} from './socket-port.js';
