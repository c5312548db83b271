import { attachmentPrepareSchema } from '@switchboard/shared/schemas';
import { requireAgent } from '../auth/principal.js';
import { requireCustomer } from '../customers/customer-auth.js';
import type { SocketContext } from '../infra/feature.js';
import { defineHandler } from '../infra/socket-handler.js';
import type { AttachmentsService } from './attachments.service.js';

/** `attachment.prepare` on both namespaces: the socket says who is asking. */
export function attachmentSocketHandlers(attachments: AttachmentsService) {
  return {
    customer: {
      'attachment.prepare': defineHandler(attachmentPrepareSchema, (payload, { socket }: SocketContext) =>
        attachments.prepare({ kind: 'customer', customer: requireCustomer(socket) }, payload),
      ),
    },
    agent: {
      'attachment.prepare': defineHandler(attachmentPrepareSchema, (payload, { socket }: SocketContext) =>
        attachments.prepare({ kind: 'agent', agent: requireAgent(socket) }, payload),
      ),
    },
  };
}
