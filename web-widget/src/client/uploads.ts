// The composer's file uploads, loaded with the chat screens rather than with the
// pre-chat form: only the chat screen stages files, and the first render is budgeted.
export { AttachmentUploads, xhrPut } from '@switchboard/shared/client';
