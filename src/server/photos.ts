import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { HttpError } from './errors';
import type { LedgerStore, Photo } from './store/types';

/** Longest side of a stored photo (pixels); the intake page resizes to this before sending. */
export const PHOTO_MAX_PX = 1600;
/** Formats a phone's camera or the page's canvas produce. */
export const PHOTO_INPUT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Decoding refuses anything larger (a decompression bomb); 40 MP is beyond any phone camera's JPEG. */
const MAX_INPUT_PIXELS = 40_000_000;
/** A stored photo's name: the SHA-256 of its bytes, hex. Nothing else is ever read from the photo directory. */
export const PHOTO_HASH = /^[0-9a-f]{64}$/;

/** `data:image/jpeg;base64,...` → its bytes; 400 for any other shape or type. */
export function decodePhotoDataUrl(dataUrl: string): Buffer {
  const match = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)$/i.exec(dataUrl);
  if (!match) throw new HttpError(400, 'photo must be a data URL (data:image/jpeg;base64,…)');
  const type = match[1]!.toLowerCase();
  if (!(PHOTO_INPUT_TYPES as readonly string[]).includes(type)) throw new HttpError(400, `photo must be JPEG, PNG or WebP, not ${type}`);
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length === 0) throw new HttpError(400, 'photo is empty');
  return bytes;
}

export interface CleanPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes an uploaded image for real (anything that is not a JPEG, PNG or WebP is refused),
 * turns it upright by its EXIF orientation, fits it within PHOTO_MAX_PX and re-encodes it as
 * JPEG without any metadata: no EXIF, no GPS position, no camera serial, no ICC comments.
 */
export async function cleanPhoto(input: Buffer): Promise<CleanPhoto> {
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw new HttpError(400, 'photo is not a readable image');
  }
  if (format !== 'jpeg' && format !== 'png' && format !== 'webp') throw new HttpError(400, `photo must be JPEG, PNG or WebP, not ${format ?? 'unknown'}`);
  try {
    // sharp writes no metadata unless asked to (keepMetadata/withMetadata): none is asked for.
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize({ width: PHOTO_MAX_PX, height: PHOTO_MAX_PX, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw new HttpError(400, 'photo could not be decoded (broken or truncated image)');
  }
}

/** Where a photo with this hash lives, or null for anything that is not a hash (no path can escape the directory). */
export function photoFile(photoDir: string, hash: string): string | null {
  return PHOTO_HASH.test(hash) ? join(photoDir, `${hash}.jpg`) : null;
}

/**
 * Cleans a photo, writes it under `photoDir` as `<sha256>.jpg` (atomically: a temporary file
 * renamed into place) and records it in the store. The same photo sent twice is kept once.
 */
export async function storePhoto(store: LedgerStore, photoDir: string, input: Buffer, now: Date): Promise<Photo> {
  const clean = await cleanPhoto(input);
  const hash = createHash('sha256').update(clean.bytes).digest('hex');
  const file = photoFile(photoDir, hash)!;
  if (!existsSync(file)) {
    mkdirSync(photoDir, { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, clean.bytes);
    renameSync(temporary, file);
  }
  const photo: Photo = { hash, bytes: clean.bytes.length, width: clean.width, height: clean.height, mime: 'image/jpeg', createdAt: now.toISOString() };
  store.addPhoto(photo);
  return photo;
}
