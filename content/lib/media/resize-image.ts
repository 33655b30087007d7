// Shrinks an image that is too large for the kiosk, keeping its format.
import sharp from 'sharp';
import type { ImageFormat, MediaLimits } from './media-types.ts';

export async function resizeImage(file: string, format: Exclude<ImageFormat, 'svg'>, limits: MediaLimits): Promise<Buffer> {
  const side = limits.maxImageSide;
  const pipeline = sharp(file).rotate().resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
  switch (format) {
    case 'png':
      return pipeline.png({ compressionLevel: 9, palette: true, quality: 90 }).toBuffer();
    case 'jpeg':
      return pipeline.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    case 'webp':
      return pipeline.webp({ quality: 82 }).toBuffer();
  }
}
