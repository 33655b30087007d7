// Meat, fish, eggs and tofu, flat, drawn in a 400×400 box.
import type { Palette } from '../palette.ts';

export const beefRolls = (c: Palette) =>
  [[140, 160], [250, 150], [195, 250], [300, 250], [100, 260]]
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="62" fill="${c.main}"/><path d="M${x! - 40} ${y} a40 40 0 1 1 40 40 a26 26 0 1 1 -20 -26" stroke="#fff3e0" stroke-width="9" fill="none"/>`)
    .join('');

export const meatCut = (c: Palette) =>
  `<path d="M70 200 C60 120 170 90 250 110 C340 130 350 230 300 290 C250 340 110 330 80 270Z" fill="${c.main}"/>
   <path d="M110 170 C160 200 200 150 260 190 M120 250 C170 230 230 280 290 240" stroke="#fff3e0" stroke-width="12" fill="none" stroke-linecap="round"/>
   <path d="M70 200 C60 120 170 90 250 110" stroke="#fff3e0" stroke-width="16" fill="none"/>`;

export const ribs = (c: Palette) =>
  [0, 1, 2, 3]
    .map((i) => `<rect x="${80 + i * 62}" y="120" width="52" height="190" rx="22" fill="${c.main}"/><rect x="${94 + i * 62}" y="90" width="24" height="50" rx="12" fill="#fff8e1"/>`)
    .join('');

export const drumstick = (c: Palette) =>
  `<g transform="rotate(-35 200 200)"><ellipse cx="180" cy="200" rx="110" ry="85" fill="${c.main}"/><rect x="270" y="185" width="90" height="30" rx="14" fill="#fff8e1"/>
   <circle cx="365" cy="186" r="20" fill="#fff8e1"/><circle cx="365" cy="214" r="20" fill="#fff8e1"/><ellipse cx="150" cy="170" rx="40" ry="18" fill="#ffffff" opacity="0.3"/></g>`;

export const fillet = (c: Palette) =>
  `<path d="M60 220 C80 140 200 120 340 150 C350 200 340 260 330 280 C220 300 100 290 60 220Z" fill="${c.main}"/>
   ${[120, 170, 220, 270].map((x) => `<path d="M${x} 150 C${x + 20} 200 ${x - 10} 240 ${x + 10} 285" stroke="#ffffff" stroke-width="8" fill="none" opacity="0.7"/>`).join('')}`;

export const fish = (c: Palette) =>
  `<path d="M60 200 C120 110 260 110 310 200 C260 290 120 290 60 200Z" fill="${c.main}"/><path d="M300 200 L365 140 L350 200 L365 260Z" fill="${c.dark}"/>
   <circle cx="115" cy="185" r="14" fill="#ffffff"/><circle cx="115" cy="185" r="7" fill="#263238"/><path d="M150 160 C170 200 170 220 150 245" stroke="${c.dark}" stroke-width="6" fill="none"/>
   <path d="M70 215 C160 240 240 235 300 205" stroke="${c.light}" stroke-width="10" fill="none"/>`;

export const longFish = (c: Palette) =>
  `<path d="M30 220 C120 150 300 150 380 180 C300 215 120 250 30 220Z" fill="${c.main}"/><path d="M40 205 C150 170 290 165 375 182" stroke="${c.light}" stroke-width="8" fill="none"/>
   <circle cx="70" cy="205" r="9" fill="#263238"/>`;

export const shrimp = (c: Palette) =>
  `${[0, 1, 2, 3, 4, 5].map((i) => `<circle cx="${200 + 110 * Math.cos(-0.3 - i * 0.45)}" cy="${220 + 110 * Math.sin(-0.3 - i * 0.45)}" r="${48 - i * 5}" fill="${i % 2 ? c.main : c.dark}"/>`).join('')}
   <path d="M300 190 L370 150 M300 200 L375 190" stroke="${c.dark}" stroke-width="6"/><path d="M110 260 L70 300 L120 300Z" fill="${c.dark}"/>`;

export const eggs = (c: Palette) =>
  [[140, 230], [260, 230], [200, 175]]
    .map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="62" ry="80" fill="${c.main}"/><ellipse cx="${x! - 20}" cy="${y! - 30}" rx="14" ry="22" fill="#ffffff" opacity="0.45"/>`)
    .join('') + `<path d="M60 260 L340 260 L310 340 L90 340Z" fill="${c.accent}"/>`;

export const tofu = (c: Palette) =>
  `<path d="M90 170 L200 120 L320 170 L210 220Z" fill="#ffffff"/><path d="M90 170 L210 220 L210 330 L90 280Z" fill="${c.main}"/><path d="M210 220 L320 170 L320 280 L210 330Z" fill="${c.dark}"/>`;
