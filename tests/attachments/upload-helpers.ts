import { randomUUID } from 'node:crypto';
import type { AckResult, AttachmentPrepared, AttachmentView, ErrorPayload } from '@switchboard/shared';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { TestParticipant } from '../support/participant.js';

export type UploadOutcome = { ok: true; view: AttachmentView } | { ok: false; status: number; error: ErrorPayload };

/** Prepares over the participant's socket, then PUTs the bytes, as the widget and the desk do. */
export async function upload(
  baseUrl: string,
  who: TestParticipant,
  conversationId: string,
  file: { name: string; bytes: Buffer; size?: number },
  options: { uploadId?: string; internal?: boolean } = {},
): Promise<UploadOutcome> {
  const prepared = await who.request<AttachmentPrepared>('attachment.prepare', {
    conversationId,
    uploadId: options.uploadId ?? randomUUID(),
    name: file.name,
    size: file.size ?? file.bytes.length,
    ...(options.internal ? { internal: true } : {}),
  });
  if (!prepared.ok) return { ok: false, status: 0, error: prepared.error };
  return put(baseUrl, prepared.data.uploadUrl, file.bytes);
}

export async function put(baseUrl: string, uploadUrl: string, bytes: Buffer): Promise<UploadOutcome> {
  const response = await fetch(`${baseUrl}${uploadUrl}`, {
    method: 'PUT',
    body: new Uint8Array(bytes),
    headers: { 'content-type': 'application/octet-stream' },
  });
  const body = (await response.json()) as AttachmentView | { error: ErrorPayload };
  if ('error' in body) return { ok: false, status: response.status, error: body.error };
  return { ok: true, view: body };
}

export function expectUploaded(outcome: UploadOutcome): AttachmentView {
  if (!outcome.ok) throw new Error(`upload refused: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.view;
}

export function expectSent<T>(result: AckResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** A photo as a phone takes it: GPS position in its EXIF, stored sideways with orientation 6. */
export async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Nimbus', Model: 'Phone 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2404/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 312/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/**
 * A PNG that says it is 10 000 × 5 000 pixels (50 megapixels) in a few dozen
 * bytes: the header of a decompression bomb, which must be refused from the
 * header alone, before anything is decoded.
 */
export function pixelBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(10_000, 0);
  header.writeUInt32BE(5_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first bytes of a Linux executable, named like a photo. */
export const renamedExecutable = (): Buffer =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4096, 0x90)]);

export const tinyPdf = (): Buffer =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
