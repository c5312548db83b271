import { z } from 'zod';
import { objectIdSchema } from './ids.js';
import { isTimeZone } from '../time-zone.js';
import { MAX_REPORT_DAYS } from '../reports.js';

const localDate = z.iso.date('must be YYYY-MM-DD');

/**
 * `GET /api/reports` and `GET /api/reports.csv`: chats started from the
 * first day to the last day, both included, as calendar days in `timeZone`.
 */
export const reportQuerySchema = z
  .strictObject({
    from: localDate,
    to: localDate,
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris'),
    departmentId: objectIdSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'the range ends before it starts', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_REPORT_DAYS * 86_400_000, {
    message: `at most ${String(MAX_REPORT_DAYS)} days`,
    path: ['to'],
  });
