// Packaged goods — bottles, cartons, bags, jars, bakes — flat, drawn in a 400×400 box.
import type { Palette } from '../palette.ts';

const label = (x: number, y: number, w: number, h: number, colour: string) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${colour}"/>`;

export const bottle = (c: Palette) =>
  `<path d="M170 60 L230 60 L230 110 C290 140 290 170 290 200 L290 330 C290 350 275 360 255 360 L145 360 C125 360 110 350 110 330 L110 200 C110 170 110 140 170 110Z" fill="${c.main}"/>
   <rect x="165" y="40" width="70" height="32" rx="8" fill="${c.accent}"/>${label(110, 205, 180, 95, c.light)}<rect x="135" y="230" width="130" height="14" rx="7" fill="${c.dark}"/>`;

export const tallBottle = (c: Palette) =>
  `<path d="M180 40 L220 40 L220 120 C260 140 260 160 260 180 L260 340 C260 355 250 362 235 362 L165 362 C150 362 140 355 140 340 L140 180 C140 160 140 140 180 120Z" fill="${c.main}" opacity="0.95"/>
   <rect x="175" y="25" width="50" height="26" rx="6" fill="${c.accent}"/>${label(140, 210, 120, 90, c.light)}<circle cx="200" cy="255" r="24" fill="${c.dark}"/>`;

export const carton = (c: Palette) =>
  `<path d="M120 130 L200 80 L280 130 L280 350 L120 350Z" fill="${c.light}"/><path d="M120 130 L200 80 L200 130Z" fill="${c.main}"/><path d="M200 80 L280 130 L200 130Z" fill="${c.dark}"/>
   <rect x="190" y="60" width="20" height="26" fill="${c.accent}"/>${label(135, 190, 130, 110, c.main)}<circle cx="200" cy="245" r="30" fill="#ffffff" opacity="0.8"/>`;

export const cup = (c: Palette) =>
  `<path d="M100 150 L300 150 L275 340 L125 340Z" fill="${c.light}"/><rect x="90" y="125" width="220" height="35" rx="12" fill="${c.main}"/><rect x="125" y="215" width="150" height="60" rx="12" fill="${c.accent}"/>`;

export const block = (c: Palette) =>
  `<path d="M70 190 L250 140 L340 190 L160 240Z" fill="${c.light}"/><path d="M70 190 L160 240 L160 320 L70 270Z" fill="${c.main}"/><path d="M160 240 L340 190 L340 270 L160 320Z" fill="${c.dark}"/>
   <path d="M190 250 L320 215" stroke="${c.accent}" stroke-width="16"/>`;

export const bag = (c: Palette) =>
  `<path d="M110 110 L290 110 C310 200 310 280 290 350 L110 350 C90 280 90 200 110 110Z" fill="${c.main}"/>
   <path d="M110 110 ${Array.from({ length: 9 }, (_, i) => `L${120 + i * 20} ${i % 2 ? 90 : 110}`).join(' ')} L290 110Z" fill="${c.dark}"/>
   ${label(135, 180, 130, 110, c.light)}<circle cx="200" cy="235" r="34" fill="${c.accent}"/>`;

export const sack = (c: Palette) =>
  `<path d="M120 120 C150 100 250 100 280 120 C320 200 320 300 290 350 L110 350 C80 300 80 200 120 120Z" fill="${c.light}"/>
   <path d="M130 120 C160 80 240 80 270 120" stroke="${c.dark}" stroke-width="14" fill="none"/>${label(130, 190, 140, 100, c.main)}
   <path d="M160 250 C190 220 210 220 240 250" stroke="#ffffff" stroke-width="10" fill="none"/>`;

export const jar = (c: Palette) =>
  `<rect x="115" y="130" width="170" height="220" rx="40" fill="${c.main}"/><rect x="125" y="95" width="150" height="50" rx="12" fill="${c.accent}"/>
   ${label(130, 200, 140, 90, c.light)}<ellipse cx="160" cy="180" rx="12" ry="30" fill="#ffffff" opacity="0.3"/>`;

export const box = (c: Palette) =>
  `<path d="M90 150 L220 110 L320 150 L190 190Z" fill="${c.light}"/><path d="M90 150 L190 190 L190 340 L90 300Z" fill="${c.main}"/><path d="M190 190 L320 150 L320 300 L190 340Z" fill="${c.dark}"/>
   <circle cx="140" cy="245" r="28" fill="${c.accent}"/>`;

export const pouch = (c: Palette) =>
  `<rect x="105" y="95" width="190" height="250" rx="26" fill="${c.main}"/><rect x="105" y="95" width="190" height="40" rx="14" fill="${c.dark}"/>
   <path d="M170 190 C150 240 180 290 200 300 C225 280 240 230 215 190 C205 215 190 215 170 190Z" fill="${c.accent}"/>`;

export const bar = (c: Palette) =>
  `<g transform="rotate(-15 200 210)"><rect x="80" y="120" width="240" height="180" rx="14" fill="${c.main}"/>
   ${[0, 1, 2].map((r) => [0, 1, 2, 3].map((k) => `<rect x="${95 + k * 57}" y="${135 + r * 55}" width="48" height="45" rx="6" fill="${c.dark}"/>`).join('')).join('')}
   <path d="M200 120 L320 120 L320 300 L250 300 Z" fill="${c.accent}" opacity="0.9"/></g>`;

export const smallBottles = (c: Palette) =>
  [110, 200, 290]
    .map((x) => `<rect x="${x - 35}" y="150" width="70" height="190" rx="26" fill="${c.light}"/><rect x="${x - 25}" y="120" width="50" height="40" rx="8" fill="${c.main}"/><rect x="${x - 35}" y="215" width="70" height="50" fill="${c.accent}"/>`)
    .join('');

export const loaf = (c: Palette) =>
  `<path d="M80 330 L80 200 C80 130 130 100 200 100 C270 100 320 130 320 200 L320 330Z" fill="${c.main}"/><path d="M105 330 L105 210 C105 150 140 130 200 130 C260 130 295 150 295 210 L295 330Z" fill="${c.light}"/>
   ${[0, 1, 2].map((i) => `<path d="M${150 + i * 50} 105 l-18 30" stroke="${c.dark}" stroke-width="8" stroke-linecap="round"/>`).join('')}`;

export const croissant = (c: Palette) =>
  `<path d="M40 280 C50 100 350 100 360 280 C320 245 280 232 200 232 C120 232 80 245 40 280Z" fill="${c.main}"/>
   <path d="M95 185 C150 140 250 140 305 185 C270 200 240 206 200 206 C160 206 130 200 95 185Z" fill="${c.light}" opacity="0.5"/>
   ${[115, 158, 200, 242, 285].map((x) => `<path d="M${x} ${158 + Math.abs(x - 200) * 0.3} Q${x + (x - 200) * 0.08} 200 ${x + (x - 200) * 0.2} ${226 + Math.abs(x - 200) * 0.12}" stroke="${c.dark}" stroke-width="7" fill="none" stroke-linecap="round"/>`).join('')}`;

export const tart = (c: Palette) =>
  [[140, 170], [260, 170], [200, 270]]
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="72" fill="${c.dark}"/><circle cx="${x}" cy="${y}" r="55" fill="${c.main}"/><circle cx="${x! + 15}" cy="${y! - 10}" r="14" fill="${c.dark}" opacity="0.6"/>`)
    .join('');

export const buns = (c: Palette) =>
  [[130, 250], [270, 250], [200, 170]]
    .map(([x, y]) => `<path d="M${x! - 75} ${y! + 50} C${x! - 80} ${y! - 50} ${x! + 80} ${y! - 50} ${x! + 75} ${y! + 50}Z" fill="${c.main}"/><path d="M${x! - 30} ${y! - 5} q30 -20 60 0" stroke="${c.dark}" stroke-width="5" fill="none"/>`)
    .join('');

export const cake = (c: Palette) =>
  `<ellipse cx="200" cy="290" rx="150" ry="50" fill="${c.dark}"/><rect x="50" y="170" width="300" height="120" fill="${c.main}"/><ellipse cx="200" cy="170" rx="150" ry="50" fill="${c.light}"/>
   <circle cx="200" cy="160" r="22" fill="${c.accent}"/>`;

export const can = (c: Palette) =>
  `<rect x="130" y="90" width="140" height="250" rx="20" fill="${c.main}"/><ellipse cx="200" cy="92" rx="70" ry="18" fill="${c.light}"/>${label(130, 170, 140, 90, c.accent)}`;
