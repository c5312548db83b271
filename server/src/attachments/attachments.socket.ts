import { requireAgent } from '../auth/principal.js';
import { requireCustomer } from '../customers/customer-auth.js';
import { defineHandlers } from '../infra/socket-handler.js';
import type { AttachmentsService } from './attachments.service.js';
import type { UploadCancel } from './upload-cancel.js';

/** `attachment.prepare` and `attachment.cancel` on both namespaces: the socket says who is asking. */
export function attachmentSocketHandlers(attachments: AttachmentsService, cancel: UploadCancel) {
  return {
    customer: defineHandlers('customer', {
      'attachment.prepare': (payload, { socket }) =>
        attachments.prepare({ kind: 'customer', customer: requireCustomer(socket) }, payload),
      'attachment.cancel': (payload, { socket }) =>
        cancel({ kind: 'customer', customer: requireCustomer(socket) }, payload),
    }),
    agent: defineHandlers('agent', {
      'attachment.prepare': (payload, { socket }) =>
        attachments.prepare({ kind: 'agent', agent: requireAgent(socket) }, payload),
      'attachment.cancel': (payload, { socket }) => cancel({ kind: 'agent', agent: requireAgent(socket) }, payload),
    }),
  };
}
