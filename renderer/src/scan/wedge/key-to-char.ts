// The character a keyboard-wedge scanner meant, from the physical key (KeyboardEvent.code)
// rather than the character the OS layout produced: a scanner set to US English on a
// French or German keyboard layout still reads right. Scanners type as a US keyboard.

/** What the detector needs of a KeyboardEvent. */
export interface WedgeKey {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** US-layout punctuation keys: [unshifted, shifted]. */
const PUNCTUATION: Record<string, [string, string]> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

/** Group separator (FNC1 in GS1 data); scanners type it as Ctrl+]. */
export const GS_CHAR = '\u001d';

/** Keys that end a scan. */
export function isTerminator(key: WedgeKey): boolean {
  return key.code === 'Enter' || key.code === 'NumpadEnter' || key.code === 'Tab' || (key.code === '' && (key.key === 'Enter' || key.key === 'Tab'));
}

/**
 * The character for one key press, or null for keys that carry none (Shift, arrows).
 */
export function keyToChar(key: WedgeKey): string | null {
  if (key.metaKey || key.altKey) return null;
  if (key.ctrlKey) return key.code === 'BracketRight' ? GS_CHAR : null;
  // A digit key is always its digit, Shift or not: an AZERTY scanner shifts for digits,
  // whatever the OS layout makes of it. (The price: "!@#$%^&*()" from a US scanner read
  // as digits; no retail code uses them.)
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(key.code);
  if (digit) return digit[1]!;
  const letter = /^Key([A-Z])$/.exec(key.code);
  if (letter) {
    const upper = letter[1]!;
    // Keep the layout's letter when it is the same letter (it knows Caps Lock); a
    // different letter means the layouts disagree (QWERTZ y/z, AZERTY a/q): trust the key position.
    if (key.key.length === 1 && key.key.toUpperCase() === upper) return key.key;
    return key.shiftKey ? upper : upper.toLowerCase();
  }
  const punctuation = PUNCTUATION[key.code];
  if (punctuation) {
    // The layout agrees with the US key (either shift state): keep its character.
    if (key.key.length === 1 && punctuation.includes(key.key)) return key.key;
    return punctuation[key.shiftKey ? 1 : 0];
  }
  // No usable position (some virtual keyboards, synthetic events): fall back to the character.
  if (key.code === '' && key.key.length === 1) return key.key;
  return null;
}
