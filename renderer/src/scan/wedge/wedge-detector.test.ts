import { describe, expect, it } from 'vitest';
import type { WedgeKey } from './key-to-char.ts';
import { createWedgeDetector, type WedgeOptions, type WedgeVerdict } from './wedge-detector.ts';

const DEFAULTS: WedgeOptions = { prefix: '', suffix: '', maxInterKeyMs: 40, minLength: 6 };
const AZERTY_DIGITS = 'à&é"\'(-è_ç';

/** The key a US-set scanner presses for a character, as a US or an AZERTY OS reports it. */
function scannerKey(ch: string, os: 'us' | 'azerty' = 'us'): WedgeKey {
  const base = { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false };
  if (ch === '\n') return { ...base, code: 'Enter', key: 'Enter' };
  if (/\d/.test(ch)) return { ...base, code: `Digit${ch}`, key: os === 'azerty' ? AZERTY_DIGITS[Number(ch)]! : ch };
  if (/[a-z]/i.test(ch)) return { ...base, code: `Key${ch.toUpperCase()}`, key: ch, shiftKey: ch !== ch.toLowerCase() };
  const punct: Record<string, [string, boolean]> = { '-': ['Minus', false], '$': ['Digit4', true], '#': ['Digit3', true], '*': ['Digit8', true], '/': ['Slash', false], '.': ['Period', false] };
  const [code, shiftKey] = punct[ch]!;
  return { ...base, code, key: ch, shiftKey };
}

/** Feeds text as key presses `gapMs` apart from `start`; returns each verdict. */
function type(detector: ReturnType<typeof createWedgeDetector>, text: string, gapMs: number, start = 1000, os: 'us' | 'azerty' = 'us') {
  return [...text].map((ch, i) => detector.key(scannerKey(ch, os), start + i * gapMs));
}

const scans = (verdicts: WedgeVerdict[]) => verdicts.filter((v) => v.action === 'scan').map((v) => (v as { text: string }).text);

describe('keyboard-wedge scanner detection', () => {
  it('reads a fast burst ended by Enter as a scan, and the Enter must not reach the page', () => {
    const detector = createWedgeDetector(DEFAULTS);
    const verdicts = type(detector, '6901234567892\n', 8);
    expect(scans(verdicts)).toEqual(['6901234567892']);
    expect(verdicts.at(-1)).toEqual({ action: 'scan', text: '6901234567892' });
  });

  it('ignores a person typing the same digits', () => {
    const detector = createWedgeDetector(DEFAULTS);
    expect(scans(type(detector, '6901234567892\n', 150))).toEqual([]);
    expect(detector.idle(10_000)).toBeNull();
  });

  it('ignores a burst that slows down half-way and a fast burst that is too short', () => {
    const detector = createWedgeDetector(DEFAULTS);
    const verdicts = [...type(detector, '690123', 8, 1000), ...type(detector, '4567892\n', 8, 1200)];
    // Only the last part was fast, and it is 7 digits: that part alone counts.
    expect(scans(verdicts)).toEqual(['4567892']);
    expect(scans(type(detector, '12345\n', 5, 5000))).toEqual([]);
  });

  it('reads the digits right when the OS keyboard layout is French', () => {
    const detector = createWedgeDetector(DEFAULTS);
    expect(scans(type(detector, '6901234567892\n', 8, 1000, 'azerty'))).toEqual(['6901234567892']);
  });

  it('strips a configured prefix and suffix, and refuses bursts without the prefix', () => {
    const detector = createWedgeDetector({ ...DEFAULTS, prefix: '$', suffix: '#*' });
    expect(scans(type(detector, '$6901234567892#*', 5))).toEqual(['6901234567892']);
    expect(scans(type(detector, '6901234567892#*', 5, 5000))).toEqual([]);
  });

  it('takes a burst with no Enter once the scanner has gone quiet', () => {
    const detector = createWedgeDetector(DEFAULTS);
    expect(scans(type(detector, '6901234567892', 8))).toEqual([]);
    const due = detector.idleDueAt()!;
    expect(detector.quiet(due - 1)).toBeNull();
    expect(detector.quiet(due)).toBe('6901234567892');
    expect(detector.idleDueAt()).toBeNull();
    // An Enter straggling in right after is swallowed, not pressed.
    expect(detector.key(scannerKey('\n'), due + 50)).toEqual({ action: 'swallow' });
    expect(detector.key(scannerKey('\n'), due + 5000)).toEqual({ action: 'pass' });
  });

  it('does not cut a burst in two while a busy page is still handling its keys', () => {
    const detector = createWedgeDetector(DEFAULTS);
    const code = '6901234567892';
    // The scanner sent a key every 4 ms; the page handled them 100 ms apart.
    const verdicts = [...`${code}\n`].map((ch, i) => {
      // A timer firing between two handled keys finds the burst not quiet.
      expect(detector.quiet(1000 + i * 100 - 1)).toBeNull();
      return detector.key(scannerKey(ch), 1000 + i * 4, false, 1000 + i * 100);
    });
    expect(scans(verdicts)).toEqual([code]);
  });

  it('goes on with a burst the quiet timer cut when its next keys were queued behind a busy page', () => {
    const detector = createWedgeDetector(DEFAULTS);
    const code = '6901234567892';
    // Seven keys handled, then the page stalls: the timer runs before the queued keys do.
    const first = [...code.slice(0, 7)].map((ch, i) => detector.key(scannerKey(ch), 1000 + i * 4));
    expect(detector.quiet(1000 + 24 + 400)).toBe('6901234');
    // The rest, stamped 4 ms apart by the scanner, handled after the stall.
    const rest = [...`${code.slice(7)}\n`].map((ch, i) => detector.key(scannerKey(ch), 1028 + i * 4, false, 1430 + i));
    expect(scans([...first, ...rest])).toEqual([code]);
  });

  it('loses nothing of a suffixed burst the quiet timer cut, and starts afresh when the next key is late by its own stamp', () => {
    const detector = createWedgeDetector({ ...DEFAULTS, suffix: '#' });
    type(detector, '6901234', 4, 1000);
    expect(detector.quiet(1500)).toBeNull();
    expect(scans(type(detector, '567892#', 4, 1028))).toEqual(['6901234567892']);
    type(detector, '6901234', 4, 5000);
    expect(detector.quiet(5500)).toBeNull();
    expect(scans(type(detector, '567892#', 4, 5500))).toEqual(['567892']);
  });

  it('waits longer for the rest of a burst whose keys reach the page late by their own stamps', () => {
    const detector = createWedgeDetector(DEFAULTS);
    const code = '6901234567892';
    // Seven keys sent 4 ms apart, each reaching the page 300 ms after the scanner sent it…
    const first = [...code.slice(0, 7)].map((ch, i) => detector.key(scannerKey(ch), 1000 + i * 4, false, 1300 + i * 4));
    // …then nothing for 400 ms: more than the usual quiet, less than quiet plus that delay.
    expect(detector.quiet(1324 + 400)).toBeNull();
    expect(detector.idleDueAt()).toBe(1324 + 300 + 250);
    const rest = [...`${code.slice(7)}\n`].map((ch, i) => detector.key(scannerKey(ch), 1028 + i * 4, false, 1724 + i));
    expect(scans([...first, ...rest])).toEqual([code]);
    // Keys on time again: the usual quiet.
    type(detector, code, 4, 5000);
    expect(detector.quiet(5048 + 250)).toBe(code);
  });

  it('counts quiet again from the end of a stall', () => {
    const detector = createWedgeDetector(DEFAULTS);
    type(detector, '6901234', 4, 1000);
    const due = detector.idleDueAt()!;
    detector.stalled(due + 100);
    expect(detector.quiet(due + 100)).toBeNull();
    expect(detector.idleDueAt()).toBe(due + 100 + (due - 1024));
  });

  it('takes a quiet burst when the next key comes much later', () => {
    const detector = createWedgeDetector(DEFAULTS);
    type(detector, '6901234567892', 8, 1000);
    expect(detector.idle(1000 + 12 * 8 + 1000)).toBe('6901234567892');
  });

  it('does not take a suffix-less burst when a suffix is configured', () => {
    const detector = createWedgeDetector({ ...DEFAULTS, suffix: '#' });
    type(detector, '6901234567892', 8);
    expect(detector.quiet(100_000)).toBeNull();
  });

  it('treats held-down keys (auto-repeat) as not a scan', () => {
    const detector = createWedgeDetector(DEFAULTS);
    const key = scannerKey('5');
    const verdicts = Array.from({ length: 20 }, (_, i) => detector.key(key, 1000 + i * 30, i > 0));
    verdicts.push(detector.key(scannerKey('\n'), 1700));
    expect(scans(verdicts)).toEqual([]);
    expect(detector.idle(100_000)).toBeNull();
  });

  it('lets Shift pass inside a burst and reads mixed-case store codes', () => {
    const detector = createWedgeDetector(DEFAULTS);
    const shift = { code: 'ShiftLeft', key: 'Shift', shiftKey: true, ctrlKey: false, altKey: false, metaKey: false };
    const verdicts = [detector.key(shift, 995), ...type(detector, 'PLU-4131abc\n', 6)];
    expect(scans(verdicts)).toEqual(['PLU-4131abc']);
  });

  it('starts over after a non-character key and after a reset', () => {
    const detector = createWedgeDetector(DEFAULTS);
    type(detector, '690123', 5, 1000);
    detector.key({ code: 'ArrowUp', key: 'ArrowUp', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false }, 1030);
    expect(scans(type(detector, '45\n', 5, 1035))).toEqual([]);
    type(detector, '690123456', 5, 2000);
    detector.reset();
    expect(detector.key(scannerKey('\n'), 2050)).toEqual({ action: 'pass' });
  });

  it('gives up on an endless burst', () => {
    const detector = createWedgeDetector(DEFAULTS);
    const verdicts = type(detector, '7'.repeat(700), 1);
    expect(verdicts.some((v) => v.action === 'pass')).toBe(true);
    expect(scans(verdicts)).toEqual([]);
  });
});
