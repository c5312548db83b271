import type { SystemPong } from '@switchboard/shared';
import { systemPingSchema } from '@switchboard/shared/schemas';
import { defineHandler } from '../infra/socket-handler.js';

/** Events every namespace answers. */
export const systemSocketHandlers = {
  'system.ping': defineHandler(systemPingSchema, ({ sentAt }): SystemPong => ({ sentAt, serverTime: Date.now() })),
};
