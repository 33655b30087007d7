// Fruit and vegetables, flat, drawn in a 400×400 box.
import type { Palette } from '../palette.ts';

const leaf = (x: number, y: number, angle: number, colour: string, size = 1) =>
  `<path transform="translate(${x} ${y}) rotate(${angle}) scale(${size})" d="M0 0 C25 -30 70 -30 90 0 C70 30 25 30 0 0Z" fill="${colour}"/>`;
const shine = (x: number, y: number, rx: number, ry: number) => `<ellipse cx="${x}" cy="${y}" rx="${rx}" ry="${ry}" fill="#ffffff" opacity="0.35"/>`;

export const apple = (c: Palette) =>
  `<path d="M200 125 C150 80 65 110 72 205 C80 305 150 345 200 322 C250 345 320 305 328 205 C335 110 250 80 200 125Z" fill="${c.main}"/>
   <path d="M200 125 C205 95 212 75 225 60" stroke="${c.dark}" stroke-width="10" fill="none" stroke-linecap="round"/>
   ${leaf(215, 95, -30, c.accent, 0.9)}${shine(130, 170, 22, 40)}`;

export const citrus = (c: Palette) =>
  `<circle cx="200" cy="215" r="130" fill="${c.main}"/>
   ${Array.from({ length: 14 }, (_, i) => `<circle cx="${200 + 95 * Math.cos(i * 0.45)}" cy="${215 + 95 * Math.sin(i * 0.45)}" r="4" fill="${c.dark}" opacity="0.25"/>`).join('')}
   <circle cx="200" cy="90" r="9" fill="${c.dark}"/>${leaf(205, 88, -25, c.accent)}${shine(145, 160, 25, 40)}`;

export const lemon = (c: Palette) =>
  `<path d="M60 210 C60 140 140 100 200 100 C260 100 340 140 340 210 C340 280 260 320 200 320 C140 320 60 280 60 210Z" fill="${c.main}" transform="rotate(-20 200 210)"/>
   <ellipse cx="55" cy="240" rx="14" ry="9" fill="${c.main}"/><ellipse cx="345" cy="180" rx="14" ry="9" fill="${c.main}"/>
   ${leaf(300, 140, -60, c.accent, 0.8)}${shine(150, 170, 40, 18)}`;

export const pear = (c: Palette) =>
  `<path d="M200 90 C170 90 160 130 160 160 C160 190 95 215 95 270 C95 320 145 345 200 345 C255 345 305 320 305 270 C305 215 240 190 240 160 C240 130 230 90 200 90Z" fill="${c.main}"/>
   <path d="M200 92 C200 75 205 62 215 52" stroke="${c.dark}" stroke-width="9" fill="none" stroke-linecap="round"/>
   ${leaf(208, 70, -20, c.accent, 0.7)}${shine(150, 265, 20, 38)}`;

export const strawberry = (c: Palette) =>
  `<path d="M200 345 C120 300 70 210 95 150 C115 105 170 110 200 125 C230 110 285 105 305 150 C330 210 280 300 200 345Z" fill="${c.main}"/>
   ${[[150, 170], [200, 165], [250, 170], [130, 220], [180, 215], [225, 215], [270, 220], [160, 265], [205, 262], [245, 265], [200, 305]].map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="5" ry="8" fill="#ffe082"/>`).join('')}
   <path d="M140 125 L175 140 L200 100 L225 140 L260 125 L235 155 L200 145 L165 155Z" fill="${c.accent}"/>`;

export const grapes = (c: Palette) => {
  const rows = [[155, 200, 245], [135, 180, 225, 265], [155, 200, 245], [178, 222], [200]];
  const dots = rows.flatMap((xs, row) => xs.map((x) => `<circle cx="${x}" cy="${135 + row * 45}" r="30" fill="${c.main}"/><circle cx="${x - 9}" cy="${126 + row * 45}" r="7" fill="#ffffff" opacity="0.35"/>`));
  return `<path d="M200 110 C200 85 210 70 225 60" stroke="#795548" stroke-width="9" fill="none"/>${leaf(215, 80, -15, c.accent)}${dots.join('')}`;
};

export const banana = (c: Palette) =>
  [0, 1, 2]
    .map((i) => `<path transform="rotate(${-18 + i * 16} 200 120)" d="M120 110 C150 300 300 320 340 230 C300 270 190 260 150 105Z" fill="${i === 1 ? c.main : c.light}" stroke="${c.dark}" stroke-width="4"/>`)
    .join('') + `<rect x="110" y="90" width="40" height="28" rx="8" fill="#6d4c41"/>`;

export const kiwi = (c: Palette) =>
  `<circle cx="200" cy="210" r="135" fill="#8d6e63"/><circle cx="200" cy="210" r="118" fill="${c.main}"/><circle cx="200" cy="210" r="42" fill="${c.light}"/>
   ${Array.from({ length: 16 }, (_, i) => `<ellipse cx="${200 + 62 * Math.cos((i * Math.PI) / 8)}" cy="${210 + 62 * Math.sin((i * Math.PI) / 8)}" rx="4" ry="8" transform="rotate(${i * 22.5 + 90} ${200 + 62 * Math.cos((i * Math.PI) / 8)} ${210 + 62 * Math.sin((i * Math.PI) / 8)})" fill="#263238"/>`).join('')}`;

export const melonSlice = (c: Palette) =>
  `<path d="M50 160 A150 150 0 0 0 350 160Z" fill="${c.accent}"/><path d="M68 160 A132 132 0 0 0 332 160Z" fill="#f1f8e9"/><path d="M80 160 A120 120 0 0 0 320 160Z" fill="${c.main}"/>
   ${[[140, 200], [200, 230], [260, 200], [170, 260], [230, 260]].map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="6" ry="10" fill="#263238"/>`).join('')}`;

export const spiky = (c: Palette) => {
  const points = Array.from({ length: 36 }, (_, i) => {
    const r = i % 2 === 0 ? 150 : 122;
    const a = (i * Math.PI) / 18;
    return `${200 + r * Math.cos(a)},${215 + r * 0.85 * Math.sin(a)}`;
  });
  return `<polygon points="${points.join(' ')}" fill="${c.main}"/><ellipse cx="200" cy="215" rx="115" ry="95" fill="${c.light}" opacity="0.5"/><rect x="190" y="50" width="20" height="45" rx="6" fill="#6d4c41"/>`;
};

export const berries = (c: Palette) =>
  [[150, 170], [210, 150], [265, 185], [175, 235], [240, 245], [130, 270], [205, 300], [275, 280]]
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="38" fill="${c.main}"/><circle cx="${x! + 8}" cy="${y! - 10}" r="9" fill="${c.dark}"/><circle cx="${x! - 14}" cy="${y! - 14}" r="8" fill="#ffffff" opacity="0.3"/>`)
    .join('');

export const smallTomatoes = (c: Palette) =>
  [[140, 230], [230, 200], [200, 290], [285, 280]]
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="58" fill="${c.main}"/>${shine(x! - 20, y! - 20, 10, 16)}<path d="M${x! - 20} ${y! - 55} L${x} ${y! - 40} L${x! + 20} ${y! - 55} L${x! + 8} ${y! - 35}Z" fill="${c.accent}"/>`)
    .join('');

export const tomato = (c: Palette) =>
  `<ellipse cx="200" cy="220" rx="145" ry="120" fill="${c.main}"/><path d="M140 120 L180 135 L200 95 L220 135 L260 120 L235 150 L200 140 L165 150Z" fill="${c.accent}"/>${shine(130, 190, 22, 36)}`;

export const mango = (c: Palette) =>
  `<path d="M110 250 C70 170 130 80 230 90 C320 100 350 190 310 260 C270 330 150 330 110 250Z" fill="${c.main}"/><path d="M230 90 C320 100 350 190 310 260 C290 200 270 140 230 90Z" fill="${c.accent}" opacity="0.55"/>${shine(150, 180, 20, 40)}`;

export const pomelo = (c: Palette) =>
  `<path d="M200 80 C160 80 150 120 120 150 C70 200 80 320 200 335 C320 320 330 200 280 150 C250 120 240 80 200 80Z" fill="${c.main}"/>${leaf(205, 82, -30, c.accent)}${shine(150, 200, 25, 45)}`;

export const leafy = (c: Palette) =>
  [-30, -12, 6, 24]
    .map((angle, i) => `<g transform="rotate(${angle} 200 340)"><path d="M200 340 C150 250 150 120 200 70 C250 120 250 250 200 340Z" fill="${i % 2 ? c.main : c.dark}"/><path d="M200 340 L200 110" stroke="${c.light}" stroke-width="14" stroke-linecap="round"/></g>`)
    .join('');

/** A bunch of spinach: pointed dark leaves on long stems, red roots. */
export const spinach = (c: Palette) =>
  [-40, -20, 0, 20, 40]
    .map((angle, i) => `<g transform="rotate(${angle} 200 330)"><path d="M200 330 L200 210" stroke="${c.light}" stroke-width="10"/><path d="M200 215 C160 190 165 110 200 80 C235 110 240 190 200 215Z" fill="${i % 2 ? c.main : c.dark}"/></g>`)
    .join('') + `<path d="M185 330 L200 365 L215 330Z" fill="${c.accent}"/>`;

export const carrot = (c: Palette) =>
  `<path d="M150 130 C190 110 260 120 270 150 L190 345 C180 360 170 355 172 340Z" fill="${c.main}"/>
   ${[170, 210, 250, 290].map((y) => `<path d="M${180 + (y - 150) * 0.1} ${y} l30 -6" stroke="${c.dark}" stroke-width="6" stroke-linecap="round"/>`).join('')}
   ${leaf(210, 125, -100, c.accent)}${leaf(210, 125, -70, c.accent)}${leaf(210, 125, -125, c.accent, 0.8)}`;

export const potato = (c: Palette) =>
  `<path d="M90 210 C85 140 170 110 240 120 C320 130 335 200 320 250 C300 320 200 330 140 305 C105 290 92 250 90 210Z" fill="${c.main}"/>
   ${[[150, 180], [230, 160], [270, 240], [180, 270], [130, 240]].map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="8" ry="5" fill="${c.dark}"/>`).join('')}`;

export const cucumber = (c: Palette) =>
  `<rect x="60" y="165" width="280" height="90" rx="45" fill="${c.main}" transform="rotate(-25 200 210)"/>
   ${[0, 1, 2, 3, 4, 5].map((i) => `<circle cx="${100 + i * 42}" cy="${270 - i * 20}" r="5" fill="${c.light}"/>`).join('')}<circle cx="322" cy="125" r="14" fill="#ffeb3b"/>`;

export const broccoli = (c: Palette) =>
  `<path d="M175 340 L185 220 L215 220 L225 340Z" fill="${c.light}"/>
   ${[[140, 170, 60], [210, 135, 65], [270, 180, 58], [175, 215, 52], [245, 225, 50]].map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${c.main}"/><circle cx="${x! - 15}" cy="${y! - 15}" r="${r! / 3}" fill="${c.dark}" opacity="0.5"/>`).join('')}`;

export const mushroom = (c: Palette) =>
  `<path d="M170 230 L160 340 L240 340 L230 230Z" fill="${c.light}"/><path d="M60 240 C60 120 340 120 340 240 C300 260 100 260 60 240Z" fill="${c.main}"/>
   ${[[140, 190], [220, 170], [270, 210]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="12" fill="${c.light}" opacity="0.6"/>`).join('')}`;

export const enoki = (c: Palette) =>
  Array.from({ length: 11 }, (_, i) => {
    const x = 120 + i * 16;
    const top = 100 + Math.abs(5 - i) * 12;
    return `<path d="M200 340 Q${x} 220 ${x} ${top}" stroke="${c.main}" stroke-width="9" fill="none"/><ellipse cx="${x}" cy="${top}" rx="13" ry="10" fill="${c.accent}"/>`;
  }).join('') + `<rect x="150" y="300" width="100" height="45" rx="12" fill="${c.dark}"/>`;

export const corn = (c: Palette) =>
  `<ellipse cx="200" cy="200" rx="70" ry="150" fill="${c.main}"/>
   ${Array.from({ length: 7 }, (_, r) => Array.from({ length: 4 }, (_, k) => `<rect x="${153 + k * 24}" y="${80 + r * 34}" width="18" height="26" rx="7" fill="${c.dark}" opacity="0.35"/>`).join('')).join('')}
   <path d="M200 360 C120 320 110 220 130 150 C150 250 180 300 200 360Z" fill="${c.accent}"/><path d="M200 360 C280 320 290 220 270 150 C250 250 220 300 200 360Z" fill="${c.accent}"/>`;

export const ginger = (c: Palette) =>
  `<path d="M80 250 C70 200 120 190 140 210 C150 150 200 140 215 185 C235 130 300 140 300 195 C340 200 345 260 300 275 C250 300 120 300 80 250Z" fill="${c.main}"/>
   ${[[140, 250], [230, 230], [280, 250]].map(([x, y]) => `<path d="M${x! - 15} ${y} q15 -8 30 0" stroke="${c.dark}" stroke-width="5" fill="none"/>`).join('')}`;

export const lotusRoot = (c: Palette) =>
  `<rect x="60" y="130" width="200" height="150" rx="75" fill="${c.dark}"/><circle cx="275" cy="205" r="85" fill="${c.main}"/>
   <circle cx="275" cy="205" r="16" fill="${c.light}"/>${Array.from({ length: 8 }, (_, i) => `<circle cx="${275 + 52 * Math.cos((i * Math.PI) / 4)}" cy="${205 + 52 * Math.sin((i * Math.PI) / 4)}" r="14" fill="${c.light}"/>`).join('')}`;
