import type { SystemPing, SystemPong } from '@switchboard/shared';
import { defineHandlers } from '../infra/socket-handler.js';

const ping = ({ sentAt }: SystemPing): SystemPong => ({ sentAt, serverTime: Date.now() });

/** Events every namespace answers. */
export const systemSocketHandlers = {
  customer: defineHandlers('customer', { 'system.ping': ping }),
  agent: defineHandlers('agent', { 'system.ping': ping }),
};
