// Tells a keyboard-wedge scanner from a person typing: a scanner "types" a whole code
// with a few milliseconds between keys and usually ends it with Enter. Pure: keys and
// their times in, scans out; the composable feeds it real keyboard events.
import { isTerminator, keyToChar, type WedgeKey } from './key-to-char.ts';

export interface WedgeOptions {
  /** Characters the scanner is set to send before each code (stripped). */
  prefix: string;
  /** Characters it sends after each code instead of, or before, Enter (stripped). */
  suffix: string;
  /** Keys further apart than this are a person typing. */
  maxInterKeyMs: number;
  /** Shorter bursts are not scans (a person's quick double key). */
  minLength: number;
}

export type WedgeVerdict =
  /** Not part of a scan as far as anyone can tell yet: let the page have the key. */
  | { action: 'pass' }
  /** Part of a burst that may become a scan. */
  | { action: 'buffer' }
  /** This key completed a scan: the page must not see it (an Enter would press a focused button). */
  | { action: 'scan'; text: string }
  /** An Enter or Tab straggling in just after a scan: swallow it too. */
  | { action: 'swallow' };

/** Longest burst kept; anything longer is a stuck key or garbage. */
const MAX_BURST = 600;
/** A terminator this soon after a scan belongs to it. */
const STRAGGLER_MS = 250;
/**
 * Keys that reach the page late by their own time stamps say the way from the scanner to
 * the page is slow (a starved machine): the next key may be as late, so quiet waits that
 * much longer (up to this).
 */
const MAX_LAG_MS = 1000;
const MODIFIERS = new Set(['ShiftLeft', 'ShiftRight', 'ControlLeft', 'ControlRight', 'AltLeft', 'AltRight', 'MetaLeft', 'MetaRight', 'CapsLock']);

export interface WedgeDetector {
  /**
   * One key press: `at` is its event time stamp (when the scanner sent it), `seenAt`
   * when the page got to handle it (later, when the page was busy).
   */
  key(key: WedgeKey, at: number, repeat?: boolean, seenAt?: number): WedgeVerdict;
  /**
   * A burst with no terminator becomes a scan once quiet for a while (scanners set to
   * send no Enter). `at` is the time stamp of the next key to arrive.
   */
  idle(at: number): string | null;
  /**
   * The same from a timer: quiet since the last key was handled (keys still queued behind
   * a busy page do not count as quiet), and longer when keys have been reaching the page late.
   */
  quiet(now: number): string | null;
  /** When `quiet` should next be called, or null when nothing is pending. */
  idleDueAt(): number | null;
  /**
   * The page could not handle keys until `now` (a long task, a starved machine): keys the
   * scanner sent meanwhile may still be queued, so quiet counts again from here.
   */
  stalled(now: number): void;
  reset(): void;
}

export function createWedgeDetector(options: WedgeOptions): WedgeDetector {
  // Generous: a main thread that stalls mid-burst must not cut a code in two.
  const flushAfterMs = Math.max(250, options.maxInterKeyMs * 4);
  /** The burst as key positions say (the code), and as the OS layout typed it (for prefix and suffix). */
  let chars = '';
  let typed = '';
  let lastAt = -Infinity;
  let lastSeenAt = -Infinity;
  /** How late the burst's last key reached the page, by its time stamp. */
  let lastLag = 0;
  let lastScanAt = -Infinity;
  /**
   * The burst the quiet timer last ended. If a key then arrives whose time stamp says it
   * followed within a scanner's gap, the timer was wrong (the key was queued behind a
   * busy page or machine) and the burst goes on instead of a new one starting.
   */
  let cut: { chars: string; typed: string; lastAt: number } | null = null;

  const reset = () => {
    chars = '';
    typed = '';
  };
  /** Prefix and suffix are matched on either reading, so "$" or "#" work whatever Shift means on the layout. */
  const hasAt = (affix: string, start: number) => chars.startsWith(affix, start) || typed.startsWith(affix, start);

  /** The code inside a finished burst, or null when the burst is not a scan. */
  function finish(end: number, minBurst: number): string | null {
    if (chars.length < minBurst) return null;
    if (options.prefix && !hasAt(options.prefix, 0)) return null;
    const code = chars.slice(options.prefix.length, end);
    return code.length >= options.minLength ? code : null;
  }

  /**
   * Ends the burst. A burst ended by Enter or the suffix needs two keys at least; one
   * with no ending needs four, since nothing else says a machine typed it.
   */
  function complete(end: number, at: number, minBurst = 2): WedgeVerdict {
    const text = finish(end, minBurst);
    reset();
    if (text === null) return { action: 'pass' };
    lastScanAt = at;
    return { action: 'scan', text };
  }

  function flushIfQuiet(at: number, quietFor: number): string | null {
    if (chars === '' || quietFor < flushAfterMs) return null;
    cut = { chars, typed, lastAt };
    // A scanner set to send a suffix always sends it: without one this was not a scan.
    if (options.suffix) {
      reset();
      return null;
    }
    const verdict = complete(chars.length, at, 4);
    return verdict.action === 'scan' ? verdict.text : null;
  }

  /** Takes the cut burst back when a character key's time stamp shows it belonged to it. */
  function resumeCut(at: number): void {
    if (cut && chars === '' && at >= cut.lastAt && at - cut.lastAt <= options.maxInterKeyMs) {
      ({ chars, typed, lastAt } = cut);
    }
    cut = null;
  }

  return {
    key(key, at, repeat = false, seenAt = at) {
      lastSeenAt = seenAt;
      lastLag = Math.min(MAX_LAG_MS, Math.max(0, seenAt - at));
      if (MODIFIERS.has(key.code)) return { action: chars ? 'buffer' : 'pass' };
      if (repeat) {
        reset();
        return { action: 'pass' };
      }
      const fresh = chars !== '' && at - lastAt <= options.maxInterKeyMs;
      if (isTerminator(key)) {
        if (fresh) return complete(chars.length, at);
        reset();
        return at - lastScanAt < STRAGGLER_MS ? { action: 'swallow' } : { action: 'pass' };
      }
      const ch = keyToChar(key);
      if (ch === null) {
        reset();
        return { action: 'pass' };
      }
      resumeCut(at);
      if (!(chars !== '' && at - lastAt <= options.maxInterKeyMs)) reset();
      chars += ch;
      typed += key.key.length === 1 ? key.key : ch;
      lastAt = at;
      const suffixAt = chars.length - options.suffix.length;
      if (options.suffix && suffixAt >= 0 && hasAt(options.suffix, suffixAt)) return complete(suffixAt, at);
      if (chars.length > MAX_BURST) {
        reset();
        return { action: 'pass' };
      }
      return { action: 'buffer' };
    },

    idle(at) {
      return flushIfQuiet(at, at - lastAt);
    },

    quiet(now) {
      return flushIfQuiet(now, now - lastSeenAt - lastLag);
    },

    idleDueAt() {
      return chars === '' ? null : lastSeenAt + lastLag + flushAfterMs;
    },

    stalled(now) {
      if (chars !== '') lastSeenAt = Math.max(lastSeenAt, now);
    },

    reset() {
      reset();
      cut = null;
    },
  };
}
