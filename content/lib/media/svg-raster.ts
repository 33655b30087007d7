// Drawing generated artwork: SVG text in, PNG or WebP out (via sharp's librsvg).

/** Fonts that draw Chinese on Linux, Windows and macOS, in that order. */
export const CJK_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export async function rasterise(svg: string, format: 'png' | 'webp'): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const image = sharp(Buffer.from(svg));
  return format === 'png' ? image.png({ compressionLevel: 9 }).toBuffer() : image.webp({ quality: 86 }).toBuffer();
}
