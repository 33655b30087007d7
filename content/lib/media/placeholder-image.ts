// A plain placeholder picture: a coloured card with a label, for starter packs.
import { CJK_FONTS, escapeXml, rasterise } from './svg-raster.ts';

export interface Placeholder {
  width: number;
  height: number;
  background: string;
  foreground: string;
  label: string;
  sublabel?: string;
  format?: 'png' | 'webp';
}

export function placeholderImage(p: Placeholder): Promise<Buffer> {
  const size = Math.round(Math.min(p.width, p.height) / 7);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}">
  <rect width="100%" height="100%" rx="${size / 2}" fill="${p.background}"/>
  <circle cx="${p.width / 2}" cy="${p.height * 0.4}" r="${Math.min(p.width, p.height) * 0.22}" fill="${p.foreground}" opacity="0.18"/>
  <text x="50%" y="${p.height * 0.45}" font-family="${CJK_FONTS}" font-size="${size}" font-weight="700" fill="${p.foreground}" text-anchor="middle" dominant-baseline="middle">${escapeXml(p.label)}</text>
  ${p.sublabel ? `<text x="50%" y="${p.height * 0.45 + size * 1.3}" font-family="${CJK_FONTS}" font-size="${size * 0.5}" fill="${p.foreground}" text-anchor="middle" dominant-baseline="middle">${escapeXml(p.sublabel)}</text>` : ''}
</svg>`;
  return rasterise(svg, p.format ?? 'png');
}
