import { hostToFrameMessageSchema } from '@switchboard/shared/schemas';
import { describe, expect, it } from 'vitest';
import { parseHostMessage } from './host-message';

const envelope = { source: 'switchboard', v: 1 };
const identity = { userId: 'cust-42', name: 'Marie', email: 'marie@example.com', userHash: 'a'.repeat(64) };
const config = {
  siteKey: 'shop',
  locale: 'fr',
  position: 'right',
  color: '#0071e3',
  pageUrl: 'https://shop.example/help',
};

// Valid and invalid samples: the hand-written check must agree with the shared zod schema on each.
const samples: unknown[] = [
  { ...envelope, type: 'open' },
  { ...envelope, type: 'close' },
  { ...envelope, type: 'open', extra: 1 },
  { ...envelope, type: 'identify', identity },
  { ...envelope, type: 'identify', identity: { ...identity, userHash: 'zz' } },
  { ...envelope, type: 'identify', identity: { ...identity, admin: true } },
  { ...envelope, type: 'setLocale', locale: 'ru' },
  { ...envelope, type: 'setLocale', locale: 'de' },
  { ...envelope, type: 'prefill', fields: { topic: 'Nimbus Phone', region: 'FR' } },
  { ...envelope, type: 'prefill', fields: { topic: 'x', ignored: 3 } },
  { ...envelope, type: 'prefill', fields: { email: 'not-an-email' } },
  { ...envelope, type: 'prefill', fields: { name: '   ' } },
  { ...envelope, type: 'config', config },
  { ...envelope, type: 'config', config: { ...config, color: 'red' } },
  { ...envelope, type: 'config', config: { ...config, position: 'top' } },
  { ...envelope, type: 'config', config: { ...config, pageUrl: 'not a url' } },
  { ...envelope, v: 2, type: 'open' },
  { source: 'other', v: 1, type: 'open' },
  { ...envelope, type: 'toString' },
  { ...envelope, type: 'constructor' },
  null,
  'open',
];

describe('parseHostMessage', () => {
  it.each(samples.map((sample, index) => [index, sample]))(
    'agrees with the shared schema on sample %i',
    (_, sample) => {
      expect(parseHostMessage(sample) !== null).toBe(hostToFrameMessageSchema.safeParse(sample).success);
    },
  );
});
