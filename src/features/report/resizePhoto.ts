/** Longest side sent to the server (it also refuses bodies over 2 MiB). */
export const PHOTO_MAX_PX = 1600;
const MAX_DATA_URL_CHARS = 1_800_000;

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    // 'from-image' turns the picture upright by its EXIF orientation before drawing.
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.src = url;
  await image.decode();
  return { source: image, width: image.naturalWidth, height: image.naturalHeight, close: () => URL.revokeObjectURL(url) };
}

/**
 * A photo from the camera or the gallery, made small in the browser before it travels: fit
 * within 1,600 px and re-encoded as JPEG through a canvas, which also leaves every EXIF field
 * (GPS position, camera) behind. The server cleans it again; this saves the resident's data.
 */
export async function resizePhoto(file: Blob, maxPx = PHOTO_MAX_PX): Promise<string> {
  const image = await decode(file);
  try {
    const scale = Math.min(1, maxPx / Math.max(image.width, image.height));
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image.source, 0, 0, width, height);
    for (const quality of [0.85, 0.7, 0.55]) {
      const url = canvas.toDataURL('image/jpeg', quality);
      if (url.length <= MAX_DATA_URL_CHARS) return url;
    }
    throw new Error('photo too large');
  } finally {
    image.close();
  }
}
