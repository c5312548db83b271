import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError, type AttachmentRefusalReason } from '@switchboard/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processImage } from './image-processing.js';

const refuse = (reason: AttachmentRefusalReason, message: string) =>
  new AppError(reason === 'pixels' ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE', message, { reason });

describe('processImage', () => {
  let dir = '';
  const fileWith = async (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'switchboard-image-test-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('drops EXIF and GPS, applies the orientation and makes a small WebP thumbnail', async () => {
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Nimbus' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const image = await processImage(await fileWith('photo.jpg', photo), 'image/jpeg', 1_000_000, refuse);
    expect([image.width, image.height]).toEqual([400, 600]);
    const encoded = await image.encoded().toBuffer();
    const metadata = await sharp(encoded).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation ?? 1).toBe(1);
    expect([metadata.width, metadata.height]).toEqual([400, 600]);
    const thumbnail = await sharp(image.thumbnail).metadata();
    expect(thumbnail).toMatchObject({ format: 'webp', width: 213, height: 320 });
  });

  it('refuses more pixels than allowed from the header, and bytes that are not an image', async () => {
    const big = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    await expect(processImage(await fileWith('big.png', big), 'image/png', 1_000_000, refuse)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { reason: 'pixels' },
    });
    const broken = await fileWith('broken.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    await expect(processImage(broken, 'image/png', 1_000_000, refuse)).rejects.toMatchObject({
      details: { reason: 'type' },
    });
  });
});
