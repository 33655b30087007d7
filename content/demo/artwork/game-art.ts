// Game pictures: sprites to catch or scratch, a basket, a cover, backgrounds, icons.
import { CJK_FONTS } from '../../lib/media/svg-raster.ts';
import type { Look } from './looks.ts';
import { figure } from './product-art.ts';

export const spriteSvg = (look: Look, size = 256) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${figure(look, size * 0.04, size * 0.04, size * 0.92)}</svg>`;

export const bugSvg = () => `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <ellipse cx="128" cy="140" rx="80" ry="90" fill="#263238"/><path d="M128 50 L128 230" stroke="#000" stroke-width="6"/>
  <ellipse cx="128" cy="150" rx="72" ry="80" fill="#43a047"/><path d="M128 70 L128 230" stroke="#1b5e20" stroke-width="6"/>
  <circle cx="128" cy="62" r="34" fill="#263238"/><circle cx="116" cy="55" r="8" fill="#fff"/><circle cx="140" cy="55" r="8" fill="#fff"/>
  ${[100, 140, 180].map((y) => `<path d="M56 ${y} L20 ${y - 15} M200 ${y} L236 ${y - 15}" stroke="#263238" stroke-width="8" stroke-linecap="round"/>`).join('')}
</svg>`;

export const basketSvg = () => `<svg xmlns="http://www.w3.org/2000/svg" width="384" height="256" viewBox="0 0 384 256">
  <path d="M72 110 C72 20 312 20 312 110" stroke="#8d6e63" stroke-width="18" fill="none"/>
  <path d="M20 100 L364 100 L320 240 L64 240Z" fill="#a1887f"/>
  ${[0, 1, 2, 3].map((i) => `<path d="M${30 + i * 6} ${130 + i * 28} L${354 - i * 6} ${130 + i * 28}" stroke="#6d4c41" stroke-width="8"/>`).join('')}
  ${[0, 1, 2, 3, 4, 5, 6].map((i) => `<path d="M${70 + i * 40} 100 L${85 + i * 36} 240" stroke="#6d4c41" stroke-width="6"/>`).join('')}
  <rect x="12" y="88" width="360" height="26" rx="13" fill="#795548"/>
</svg>`;

export const giftSvg = () => `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="40" y="100" width="176" height="130" rx="10" fill="#e53935"/><rect x="28" y="78" width="200" height="40" rx="10" fill="#ef5350"/>
  <rect x="116" y="78" width="24" height="152" fill="#ffca28"/><path d="M128 80 C90 30 50 60 80 80 M128 80 C166 30 206 60 176 80" stroke="#ffca28" stroke-width="14" fill="none"/>
</svg>`;

export const starSvg = () => {
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? 50 : 112;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${128 + r * Math.cos(a)},${136 + r * Math.sin(a)}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><polygon points="${points.join(' ')}" fill="#ffc107" stroke="#ff8f00" stroke-width="8" stroke-linejoin="round"/></svg>`;
};

export const cloverSvg = () => `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  ${[0, 90, 180, 270].map((a) => `<g transform="rotate(${a} 128 118)"><circle cx="100" cy="90" r="34" fill="#43a047"/><circle cx="128" cy="72" r="34" fill="#43a047"/></g>`).join('')}
  <path d="M128 130 C140 180 150 210 170 236" stroke="#2e7d32" stroke-width="12" fill="none" stroke-linecap="round"/>
</svg>`;

export const cherrySvg = () => `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <path d="M90 170 C100 110 130 60 170 40 M170 170 C165 110 165 70 170 40" stroke="#5d4037" stroke-width="8" fill="none"/>
  <circle cx="88" cy="182" r="46" fill="#c62828"/><circle cx="172" cy="182" r="46" fill="#d32f2f"/><circle cx="72" cy="165" r="10" fill="#fff" opacity="0.4"/>
  <path d="M170 40 C200 20 230 40 220 60 C200 65 185 55 170 40Z" fill="#43a047"/>
</svg>`;

export const coverSvg = () => `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500">
  <defs><pattern id="p" width="40" height="40" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="40" height="40" fill="#b0bec5"/><rect width="20" height="40" fill="#cfd8dc"/></pattern></defs>
  <rect width="800" height="500" rx="36" fill="url(#p)"/>
  <text x="400" y="240" font-family="${CJK_FONTS}" font-size="96" font-weight="800" fill="#546e7a" text-anchor="middle">刮一刮</text>
  <text x="400" y="320" font-family="${CJK_FONTS}" font-size="44" font-weight="600" fill="#607d8b" text-anchor="middle">Scratch here</text>
</svg>`;

/**
 * A game's backdrop: a wash of its colours with its fruit scattered faintly over it, at
 * 1920x1080 or (portrait) 1080x1920 — a portrait screen gets art made for it, not a
 * landscape picture cropped to a third.
 */
export function backgroundSvg(colours: [string, string], looks: Look[], orientation: 'landscape' | 'portrait' = 'landscape'): string {
  const [width, height] = orientation === 'landscape' ? [1920, 1080] : [1080, 1920];
  const count = orientation === 'landscape' ? 3 : 5;
  const scatter = looks.flatMap((look, i) =>
    Array.from({ length: count }, (_, k) => figure(look, ((i * count + k) * 347) % (width - 120), ((i * count + k) * 211) % (height - 130), 140)),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="${colours[0]}"/><circle cx="${width / 2}" cy="${height * 1.3}" r="${Math.max(width, height) * 0.47}" fill="${colours[1]}"/>
  <g opacity="0.16">${scatter.join('')}</g>
</svg>`;
}

export const iconSvg = (look: Look, background: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><rect width="256" height="256" rx="64" fill="${background}"/>${figure(look, 36, 36, 184)}</svg>`;
