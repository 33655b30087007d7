import { describe, expect, it } from 'vitest';
import { scanKeys, typeLikeAScanner, TYPABLE } from './scan-keys.ts';

describe('a code typed into the virtual kiosk like a scanner', () => {
  it('presses the keys a US scanner presses, Shift for capitals, then Enter', () => {
    expect(scanKeys('Ab-1')).toEqual([
      { key: 'A', code: 'KeyA', shiftKey: true },
      { key: 'b', code: 'KeyB', shiftKey: false },
      { key: '-', code: 'Minus', shiftKey: false },
      { key: '1', code: 'Digit1', shiftKey: false },
      { key: 'Enter', code: 'Enter', shiftKey: false },
    ]);
    expect(() => scanKeys('苹果')).toThrow(/cannot type/);
    expect(TYPABLE.test('6921568001015')).toBe(true);
    expect(TYPABLE.test('FP10001')).toBe(true);
    expect(TYPABLE.test('69 21')).toBe(false);
  });

  it('sends every key down and up into the window, in one burst', () => {
    const seen: string[] = [];
    const target = { KeyboardEvent, dispatchEvent: (e: Event) => (seen.push(`${e.type}:${(e as KeyboardEvent).code}`), true) };
    typeLikeAScanner(target, '69');
    expect(seen).toEqual(['keydown:Digit6', 'keyup:Digit6', 'keydown:Digit9', 'keyup:Digit9', 'keydown:Enter', 'keyup:Enter']);
  });

  it('stamps the whole burst before sending a key, so a slow page cannot spread it out', () => {
    const log: string[] = [];
    class StampedKey extends KeyboardEvent {
      constructor(type: string, init?: KeyboardEventInit) {
        super(type, init);
        log.push('made');
      }
    }
    // Made between sends, each key's stamp would include the page's handling of the keys before it.
    const target = { KeyboardEvent: StampedKey, dispatchEvent: () => (log.push('sent'), true) };
    typeLikeAScanner(target, '69');
    expect(log).toEqual([...Array<string>(6).fill('made'), ...Array<string>(6).fill('sent')]);
  });
});
