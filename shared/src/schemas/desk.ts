import { z } from 'zod';
import { clientMessageIdSchema } from './ids.js';

/**
 * `POST /api/conversations/:id/transcripts`: the agent emails the transcript
 * to the customer's address now. The desk makes one `requestId` per click and
 * reuses it on retries, so a request makes one email however often it is sent.
 */
export const deskTranscriptSendSchema = z.object({ requestId: clientMessageIdSchema }).strict();
