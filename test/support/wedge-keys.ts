// Types a code into Chromium the way a USB keyboard-wedge scanner does: a burst of key
// presses 4 ms apart. Each event carries its own time stamp, as the OS gives a real
// scanner's keys, so a page busy while the keys are delivered (DevTools hands them over
// one at a time) still sees a scanner's timing and not the harness's.
// Keys are those of a US keyboard, Shift held for capitals and shifted symbols;
// "\u001d" (GS, FNC1 in GS1 data) is sent as Ctrl+], as scanners do.
import type { CDPSession, Page } from '@playwright/test';

interface KeyDef {
  code: string;
  key: string;
  keyCode: number;
  shift?: boolean;
  ctrl?: boolean;
}

const SHIFTED: Record<string, [string, string, number]> = {
  ':': ['Semicolon', ';', 186],
  '?': ['Slash', '/', 191],
  _: ['Minus', '-', 189],
  '+': ['Equal', '=', 187],
  '>': ['Period', '.', 190],
};
const PLAIN: Record<string, [string, number]> = { ';': ['Semicolon', 186], '/': ['Slash', 191], '-': ['Minus', 189], '=': ['Equal', 187], '.': ['Period', 190], ',': ['Comma', 188] };

function keyFor(ch: string): KeyDef {
  if (ch === '\n') return { code: 'Enter', key: 'Enter', keyCode: 13 };
  if (ch === '\u001d') return { code: 'BracketRight', key: ']', keyCode: 221, ctrl: true };
  if (/\d/.test(ch)) return { code: `Digit${ch}`, key: ch, keyCode: ch.charCodeAt(0) };
  if (/[a-z]/i.test(ch)) return { code: `Key${ch.toUpperCase()}`, key: ch, keyCode: ch.toUpperCase().charCodeAt(0), shift: ch !== ch.toLowerCase() };
  const shifted = SHIFTED[ch];
  if (shifted) return { code: shifted[0], key: ch, keyCode: shifted[2], shift: true };
  const plain = PLAIN[ch];
  if (plain) return { code: plain[0], key: ch, keyCode: plain[1] };
  throw new Error(`no US key for ${JSON.stringify(ch)}`);
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** Sends `text` (end it with "\n" for Enter) as one burst of key presses. */
export async function scannerBurst(page: Page, text: string): Promise<void> {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  const cdp = await session;
  const sent: Promise<unknown>[] = [];
  const start = Date.now() / 1000;
  let i = 0;
  for (const ch of text) {
    const timestamp = start + 0.004 * i++;
    const k = keyFor(ch);
    const modifiers = (k.shift ? 8 : 0) | (k.ctrl ? 2 : 0);
    const printable = k.ctrl ? undefined : k.code === 'Enter' ? '\r' : k.key;
    const base = { code: k.code, key: k.key, windowsVirtualKeyCode: k.keyCode, modifiers };
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: printable ? 'keyDown' : 'rawKeyDown', timestamp, ...base, ...(printable ? { text: printable, unmodifiedText: printable } : {}) }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: timestamp + 0.001, ...base }));
  }
  await Promise.all(sent);
}
