import type { AppError, AttachmentRefusalReason, AttachmentType } from '@switchboard/shared';
import sharp, { type Metadata, type Sharp } from 'sharp';

/** Longest side of the preview shown in the chat. */
const THUMBNAIL_SIZE = 320;

export interface ProcessedImage {
  /** The image re-encoded: orientation applied, no metadata (EXIF, GPS, XMP) left. */
  encoded: () => Sharp;
  thumbnail: Buffer;
  width: number;
  height: number;
}

const encoderFor = (type: AttachmentType, image: Sharp): Sharp => {
  switch (type) {
    case 'image/png':
      return image.png();
    case 'image/webp':
      return image.webp({ quality: 85 });
    case 'image/gif':
      return image.gif();
    default:
      return image.jpeg({ quality: 85, mozjpeg: true });
  }
};

/**
 * Re-encodes an image with libvips (sharp), from a file on disk. The header is
 * read first and an image with more than `maxPixels` pixels refused before a
 * single pixel is decoded: a small file claiming 50 megapixels (a
 * decompression bomb) costs nothing. sharp writes no metadata unless asked,
 * so EXIF and GPS are dropped; `rotate()` applies the EXIF orientation first.
 * Animated GIFs keep their first frame.
 */
export async function processImage(
  file: string,
  type: AttachmentType,
  maxPixels: number,
  refuse: (reason: AttachmentRefusalReason, message: string) => AppError,
): Promise<ProcessedImage> {
  const open = () => sharp(file, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
  let metadata: Metadata;
  try {
    metadata = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse('type', 'The image could not be read.');
  }
  const { width, height } = metadata;
  if (!width || !height) throw refuse('type', 'The image could not be read.');
  if (width * (metadata.pageHeight ?? height) > maxPixels) {
    throw refuse('pixels', 'The image has more pixels than allowed.');
  }
  let thumbnail: Buffer;
  try {
    thumbnail = await open()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch {
    throw refuse('type', 'The image could not be read.');
  }
  // Orientations 5 to 8 turn the image a quarter: width and height swap.
  const turned = (metadata.orientation ?? 1) >= 5;
  return {
    encoded: () => encoderFor(type, open()),
    thumbnail,
    width: turned ? height : width,
    height: turned ? width : height,
  };
}
