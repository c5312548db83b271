import { createHmac, timingSafeEqual } from 'node:crypto';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { createAttachmentLinks } from './attachment-links.js';
import type { LinkSigner } from './link-signer.js';
import { createUploadTickets, type UploadTicket } from './upload-tickets.js';

/** The signer's behaviour without its database-kept key. */
function signerWith(key: string): LinkSigner {
  const sign = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  return {
    load: () => Promise.resolve(),
    ready: true,
    sign,
    verify: (text, signature) => {
      const expected = Buffer.from(sign(text));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 8, 20);

describe('signed file links', () => {
  const links = createAttachmentLinks(signerWith('k1'), { appTtlMs: 12 * HOUR, emailTtlMs: 7 * 24 * HOUR });
  const id = new Types.ObjectId();
  const ref = { id, name: 'a.jpg', size: 10, contentType: 'image/jpeg' as const, kind: 'image' as const };
  const parse = (url: string) => {
    const parsed = new URL(url, 'http://x');
    return { e: Number(parsed.searchParams.get('e')), s: parsed.searchParams.get('s') ?? '' };
  };

  it('gives images a link and a thumbnail link that check out until they expire, rounded up to the hour', () => {
    const view = links.view(ref, NOW);
    const original = parse(view.url!);
    expect(original.e % HOUR).toBe(0);
    expect(original.e - NOW).toBeGreaterThanOrEqual(12 * HOUR);
    expect(original.e - NOW).toBeLessThan(13 * HOUR);
    expect(links.check(id.toHexString(), 'original', original.e, original.s, NOW)).toBe(true);
    expect(links.check(id.toHexString(), 'original', original.e, original.s, original.e + 1)).toBe(false);
    const thumbnail = parse(view.thumbnailUrl!);
    expect(links.check(id.toHexString(), 'thumbnail', thumbnail.e, thumbnail.s, NOW)).toBe(true);
    // A signature is for one file, one variant and one expiry.
    expect(links.check(id.toHexString(), 'thumbnail', original.e, original.s, NOW)).toBe(false);
    expect(links.check(new Types.ObjectId().toHexString(), 'original', original.e, original.s, NOW)).toBe(false);
    expect(links.check(id.toHexString(), 'original', original.e + HOUR, original.s, NOW)).toBe(false);
  });

  it('refuses links signed with another key, and shows removed files without links', () => {
    const other = createAttachmentLinks(signerWith('k2'), { appTtlMs: HOUR, emailTtlMs: HOUR });
    const { e, s } = parse(other.view(ref, NOW).url!);
    expect(links.check(id.toHexString(), 'original', e, s, NOW)).toBe(false);
    expect(links.view({ ...ref, removed: true }, NOW)).toEqual({
      id: id.toHexString(),
      name: 'a.jpg',
      size: 10,
      contentType: 'image/jpeg',
      kind: 'image',
      removed: true,
    });
  });
});

describe('upload tickets', () => {
  const tickets = createUploadTickets(signerWith('k1'));
  const ticket: UploadTicket = {
    conversationId: 'a'.repeat(24),
    uploader: { kind: 'customer', id: 'b'.repeat(24) },
    uploadId: 'upload-1234',
    name: 'photo.jpg',
    size: 1000,
    internal: false,
    expires: NOW + HOUR,
  };
  const tokenOf = (url: string) => url.replace('/api/uploads/', '');

  it('carries what prepare decided, signed, until it expires', () => {
    const token = tokenOf(tickets.url(ticket));
    expect(tickets.read(token, NOW)).toEqual(ticket);
    expect(tickets.read(token, NOW + 2 * HOUR)).toBeNull();
  });

  it('refuses a ticket whose content was changed or whose signature is not ours', () => {
    const [body, signature] = tokenOf(tickets.url(ticket)).split('.') as [string, string];
    const bigger = Buffer.from(JSON.stringify({ ...ticket, size: 10 ** 9 })).toString('base64url');
    expect(tickets.read(`${bigger}.${signature}`, NOW)).toBeNull();
    expect(tickets.read(`${body}.${signature.slice(1)}x`, NOW)).toBeNull();
    expect(tickets.read(body, NOW)).toBeNull();
    expect(tickets.read('not-a-ticket', NOW)).toBeNull();
    const foreign = createUploadTickets(signerWith('k2'));
    expect(tickets.read(tokenOf(foreign.url(ticket)), NOW)).toBeNull();
  });
});
