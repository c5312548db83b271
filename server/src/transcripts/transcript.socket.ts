import { requireCustomer } from '../customers/customer-auth.js';
import type { RateLimit } from '../infra/rate-limit.js';
import { defineHandlers } from '../infra/socket-handler.js';
import type { TranscriptsService } from './transcripts.service.js';

/** `/customer` events of the transcripts feature: the end screen's "email me the transcript". */
export function transcriptSocketHandlers(deps: { transcripts: TranscriptsService; limit: RateLimit }) {
  return defineHandlers('customer', {
    'transcript.request': async (payload, { socket }) => {
      const customer = requireCustomer(socket);
      // Each request can email any address: limit it per customer as well as per conversation.
      await deps.limit.consume(customer.id);
      return deps.transcripts.request({ kind: 'customer', customer }, payload);
    },
  });
}
