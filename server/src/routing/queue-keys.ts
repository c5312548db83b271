import { Types } from 'mongoose';

/**
 * A queue is a department's (its id) or the general queue of topics no
 * department claims. Keys name them in locks, Redis keys and metrics.
 */
export const GENERAL_QUEUE = 'general';

export const queueKeyOf = (departmentId: Types.ObjectId | string | null | undefined): string =>
  departmentId ? departmentId.toString() : GENERAL_QUEUE;

/** The conversations' `departmentId` value for a queue key. */
export const departmentIdOf = (key: string): Types.ObjectId | null =>
  key === GENERAL_QUEUE ? null : new Types.ObjectId(key);
