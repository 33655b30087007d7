// Which files a pack's media/ may hold, by extension and by what sharp finds inside.

export const IMAGE_FORMATS = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', webp: 'webp', svg: 'svg' } as const;
export const VIDEO_EXTENSIONS = new Set(['mp4', 'webm']);

export const extensionOf = (file: string): string => file.slice(file.lastIndexOf('.') + 1).toLowerCase();

export type ImageFormat = (typeof IMAGE_FORMATS)[keyof typeof IMAGE_FORMATS];

export function imageFormatOf(file: string): ImageFormat | undefined {
  return IMAGE_FORMATS[extensionOf(file) as keyof typeof IMAGE_FORMATS];
}

export const isVideo = (file: string): boolean => VIDEO_EXTENSIONS.has(extensionOf(file));

/** Already-compressed media is stored in the zip as is; deflating it again only costs time. */
export const isCompressedMedia = (file: string): boolean => {
  const format = imageFormatOf(file);
  return (format !== undefined && format !== 'svg') || isVideo(file);
};

export interface MediaLimits {
  /** Longest side of an image, in pixels. */
  maxImageSide: number;
  maxImageBytes: number;
  maxVideoBytes: number;
}

/** Enough for a full-HD portrait or landscape screen with room to spare. */
export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxImageSide: 2560, maxImageBytes: 3_000_000, maxVideoBytes: 300_000_000 };
