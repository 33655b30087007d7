// A product code typed into the virtual kiosk the way a keyboard-wedge scanner types it:
// one burst of key presses (as a US keyboard sends them) ending in Enter. The kiosk's
// scanner listens on its whole window and tells a scanner from a person by the speed.

export interface ScanKey {
  key: string;
  code: string;
  shiftKey: boolean;
}

const PUNCTUATION: Record<string, [string, boolean]> = {
  '-': ['Minus', false],
  _: ['Minus', true],
  '.': ['Period', false],
  '/': ['Slash', false],
  ':': ['Semicolon', true],
  '+': ['Equal', true],
};

/** The codes a shelf label or a sheet holds: digits, letters and - _ . / : + */
export const TYPABLE = /^[0-9A-Za-z\-_./:+]{1,48}$/;

export function scanKeys(text: string): ScanKey[] {
  const keys = [...text].map((ch): ScanKey => {
    if (/\d/.test(ch)) return { key: ch, code: `Digit${ch}`, shiftKey: false };
    if (/[a-z]/i.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, shiftKey: ch !== ch.toLowerCase() };
    const p = PUNCTUATION[ch];
    if (!p) throw new Error(`a scanner cannot type ${JSON.stringify(ch)}`);
    return { key: ch, code: p[0], shiftKey: p[1] };
  });
  return [...keys, { key: 'Enter', code: 'Enter', shiftKey: false }];
}

/** What the burst needs of a window: its own KeyboardEvent, so the kiosk's clock stamps the keys. */
export interface ScanTarget {
  KeyboardEvent: typeof KeyboardEvent;
  dispatchEvent(event: Event): boolean;
}

/**
 * Sends the burst into a window at once. Every key is made (and so time-stamped) before
 * the first is sent: the kiosk reads a key's time stamp as when the scanner sent it, and
 * the kiosk handling one key (or this thread being paused between two) must not spread
 * the burst past a scanner's 40 ms and turn it into a person typing.
 */
export function typeLikeAScanner(target: ScanTarget, text: string): void {
  const burst = scanKeys(text).flatMap((k) => {
    const init = { key: k.key, code: k.code, shiftKey: k.shiftKey, bubbles: true, cancelable: true };
    return [new target.KeyboardEvent('keydown', init), new target.KeyboardEvent('keyup', init)];
  });
  for (const event of burst) target.dispatchEvent(event);
}
