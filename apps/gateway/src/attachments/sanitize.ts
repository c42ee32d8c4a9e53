import sharp from 'sharp';
import { AppError } from '@em/contracts/errors';
import type { AttachmentMime } from '@em/contracts/schemas';

/** 40 megapixels: any phone photo, but not a decompression bomb that inflates to gigabytes. */
const MAX_PIXELS = 40_000_000;

/**
 * Images are decoded and re-encoded before they are stored, with sharp (libvips: kept, fast, ships
 * prebuilt binaries on npm, so nothing compiles on install). Re-encoding rather than editing the
 * metadata in place drops everything that is not pixels: EXIF (camera, GPS position, time), XMP,
 * comments, and any bytes smuggled after the image data. sharp writes no metadata unless asked to
 * (we never call withMetadata/keepMetadata); `rotate()` first applies the EXIF orientation, so the
 * photo still stands the right way up once its EXIF is gone. A file whose header says image but
 * whose body does not decode is refused as unsupported_type. PDFs are stored as uploaded (checked by
 * their header) and only ever served as downloads with nosniff.
 */
export async function sanitizeImage(bytes: Buffer, mime: AttachmentMime): Promise<Buffer> {
  try {
    const img = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS, animated: false }).rotate();
    if (mime === 'image/png') return await img.png({ compressionLevel: 9 }).toBuffer();
    if (mime === 'image/jpeg') return await img.jpeg({ quality: 88 }).toBuffer();
    return await img.webp({ quality: 88 }).toBuffer();
  } catch {
    throw new AppError('unsupported_type', 'This image could not be read. Send a PNG, JPEG or WebP image, or a PDF.');
  }
}
