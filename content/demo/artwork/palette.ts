// Colours for the generated artwork: a base colour and the shades drawn from it.

export interface Palette {
  main: string;
  dark: string;
  light: string;
  /** A second colour (leaf, cap, label). */
  accent: string;
}

function mix(hex: string, other: string, amount: number): string {
  const a = Number.parseInt(hex.slice(1), 16);
  const b = Number.parseInt(other.slice(1), 16);
  const channel = (shift: number) => Math.round(((a >> shift) & 255) * (1 - amount) + ((b >> shift) & 255) * amount);
  return `#${((channel(16) << 16) | (channel(8) << 8) | channel(0)).toString(16).padStart(6, '0')}`;
}

const darker = (hex: string, amount = 0.3) => mix(hex, '#000000', amount);
export const lighter = (hex: string, amount = 0.45) => mix(hex, '#ffffff', amount);

export const palette = (main: string, accent = '#4caf50'): Palette => ({ main, dark: darker(main), light: lighter(main), accent });
