import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { useWedgeScanner, type WedgeScan } from './use-wedge-scanner.ts';

const SETTINGS = { prefix: '', suffix: '', maxInterKeyMs: 40, minLength: 6 };

function keyEvent(ch: string, at: number): KeyboardEvent {
  const code = ch === '\n' ? 'Enter' : `Digit${ch}`;
  const event = new KeyboardEvent('keydown', { code, key: ch === '\n' ? 'Enter' : ch, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: at });
  return event;
}

/** Types on whatever has focus, `gapMs` apart; returns the events. */
function typeKeys(text: string, gapMs: number, start = 10_000) {
  return [...text].map((ch, i) => {
    const event = keyEvent(ch, start + i * gapMs);
    (document.activeElement ?? document.body).dispatchEvent(event);
    return event;
  });
}

function mountScanner(paused = () => false) {
  const scans: WedgeScan[] = [];
  const wrapper = mount(
    defineComponent({
      setup() {
        useWedgeScanner(SETTINGS, (s) => scans.push(s), paused);
        return () => h('div', [h('input', { 'data-testid': 'field' }), h('button', { 'data-testid': 'button' }, 'OK')]);
      },
    }),
    { attachTo: document.body },
  );
  return { scans, wrapper };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The page's clock, moved by hand: timers run only when the test says. */
function controlClock(start: number) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const clock = { now: start };
  vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
  /** Runs the timers due, `stepMs` of page time at a time, with the page free. */
  const run = (forMs: number, stepMs = 10) => {
    for (let t = 0; t < forMs; t += stepMs) {
      clock.now += stepMs;
      vi.advanceTimersByTime(stepMs);
    }
  };
  return { clock, run };
}

describe('the wedge scanner on the page', () => {
  it('reads a scan whatever has focus, and keeps the Enter from pressing a focused button', () => {
    const { scans, wrapper } = mountScanner();
    (wrapper.get('[data-testid="button"]').element as HTMLButtonElement).focus();
    const events = typeKeys('6901234567892\n', 5);
    expect(scans.map((s) => s.text)).toEqual(['6901234567892']);
    expect(scans[0]?.at).toBe(10_000 + 13 * 5);
    expect(events.at(-1)?.defaultPrevented).toBe(true);
    wrapper.unmount();
  });

  it('leaves typing in a text field alone', () => {
    const { scans, wrapper } = mountScanner();
    (wrapper.get('[data-testid="field"]').element as HTMLInputElement).focus();
    const events = typeKeys('6901234567892\n', 5);
    expect(scans).toEqual([]);
    expect(events.at(-1)?.defaultPrevented).toBe(false);
    wrapper.unmount();
  });

  it('ignores everything while paused (the admin panel is open)', () => {
    let adminOpen = true;
    const { scans, wrapper } = mountScanner(() => adminOpen);
    typeKeys('6901234567892\n', 5);
    expect(scans).toEqual([]);
    adminOpen = false;
    typeKeys('6901234567892\n', 5, 20_000);
    expect(scans.map((s) => s.text)).toEqual(['6901234567892']);
    wrapper.unmount();
  });

  it('reads a scanner that sends no Enter once it has gone quiet', () => {
    const { run } = controlClock(10_000);
    const { scans, wrapper } = mountScanner();
    typeKeys('6901234567892', 4);
    run(200);
    expect(scans).toEqual([]);
    run(200);
    expect(scans.map((s) => s.text)).toEqual(['6901234567892']);
    wrapper.unmount();
  });

  it('does not cut a scan in two when the page stalls mid-burst with keys queued behind it', () => {
    const { clock, run } = controlClock(10_000);
    const { scans, wrapper } = mountScanner();
    typeKeys('6901234', 4);
    // A long task: 400 ms pass before the page runs anything, and its timer runs first.
    clock.now += 400;
    vi.runOnlyPendingTimers();
    expect(scans).toEqual([]);
    typeKeys('567892\n', 4, 10_000 + 7 * 4);
    run(500);
    expect(scans.map((s) => s.text)).toEqual(['6901234567892']);
    wrapper.unmount();
  });

  it('stops listening when unmounted', () => {
    const { scans, wrapper } = mountScanner();
    wrapper.unmount();
    typeKeys('6901234567892\n', 5);
    expect(scans).toEqual([]);
  });
});
