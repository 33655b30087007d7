import { describe, expect, it } from 'vitest';
import { GS_CHAR, isTerminator, keyToChar, type WedgeKey } from './key-to-char.ts';

const k = (code: string, key: string, mods: Partial<WedgeKey> = {}): WedgeKey => ({ code, key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('key to character', () => {
  it('reads digits from the key position on any layout, shifted or not', () => {
    expect(keyToChar(k('Digit4', '4'))).toBe('4');
    // A US-set scanner on a French (AZERTY) OS layout: the unshifted digit row gives symbols.
    expect(keyToChar(k('Digit1', '&'))).toBe('1');
    expect(keyToChar(k('Digit7', 'è'))).toBe('7');
    // An AZERTY-set scanner shifts for digits; on a US OS that makes "$".
    expect(keyToChar(k('Digit4', '$', { shiftKey: true }))).toBe('4');
    expect(keyToChar(k('Numpad9', '9'))).toBe('9');
    expect(keyToChar(k('Numpad9', 'PageUp'))).toBe('9'); // Num Lock off
  });

  it('reads letters from the key position when the OS layout disagrees, keeping case from Shift', () => {
    expect(keyToChar(k('KeyA', 'a'))).toBe('a');
    expect(keyToChar(k('KeyA', 'A', { shiftKey: true }))).toBe('A');
    expect(keyToChar(k('KeyA', 'q'))).toBe('a'); // AZERTY OS
    expect(keyToChar(k('KeyZ', 'Y', { shiftKey: true }))).toBe('Z'); // QWERTZ OS
    expect(keyToChar(k('KeyB', 'B'))).toBe('B'); // Caps Lock on: the layout knows
  });

  it('maps US punctuation positions, so a Digital Link URL survives any layout', () => {
    const url = [k('Semicolon', 'm', { shiftKey: true }), k('Slash', '!'), k('Slash', '!'), k('Period', ';'), k('Minus', ')')].map(keyToChar).join('');
    expect(url).toBe('://.-');
    expect(keyToChar(k('Minus', '_', { shiftKey: true }))).toBe('_');
    // A layout that agrees with the US key is believed even when Shift is not reported.
    expect(keyToChar(k('Semicolon', ':'))).toBe(':');
    expect(keyToChar(k('Period', '>'))).toBe('>');
  });

  it('turns Ctrl+] into the GS separator and ignores other shortcuts', () => {
    expect(keyToChar(k('BracketRight', ']', { ctrlKey: true }))).toBe(GS_CHAR);
    expect(keyToChar(k('KeyC', 'c', { ctrlKey: true }))).toBeNull();
    expect(keyToChar(k('KeyA', 'a', { altKey: true }))).toBeNull();
    expect(keyToChar(k('KeyA', 'a', { metaKey: true }))).toBeNull();
  });

  it('carries no character for function keys and falls back to the character without a position', () => {
    expect(keyToChar(k('ArrowLeft', 'ArrowLeft'))).toBeNull();
    expect(keyToChar(k('F8', 'F8'))).toBeNull();
    expect(keyToChar(k('', '7'))).toBe('7');
    expect(keyToChar(k('', 'Unidentified'))).toBeNull();
  });

  it('knows the keys that end a scan', () => {
    expect(isTerminator(k('Enter', 'Enter'))).toBe(true);
    expect(isTerminator(k('NumpadEnter', 'Enter'))).toBe(true);
    expect(isTerminator(k('Tab', 'Tab'))).toBe(true);
    expect(isTerminator(k('', 'Enter'))).toBe(true);
    expect(isTerminator(k('KeyE', 'e'))).toBe(false);
  });
});
