// The keyboard-wedge scanner, listening on the whole window (a scan works whatever has
// focus) except while the admin panel is open or a text field has focus.
import { onBeforeUnmount, onMounted } from 'vue';
import { createWedgeDetector, type WedgeOptions } from './wedge-detector.ts';

export interface WedgeScan {
  text: string;
  /** performance.now() time of the key that completed the scan. */
  at: number;
}

function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file', 'image'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * While a burst waits to be called quiet, the page checks it is keeping up at this pace.
 * A check that comes much later than asked means the page was busy: keys may be queued
 * behind it, and quiet starts counting again.
 */
const TICK_MS = 50;
const LATE_MS = 50;

export function useWedgeScanner(settings: WedgeOptions, onScan: (scan: WedgeScan) => void, paused: () => boolean): void {
  const detector = createWedgeDetector(settings);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    const due = detector.idleDueAt();
    if (due === null) return;
    const asked = performance.now();
    const delay = Math.min(TICK_MS, Math.max(0, due - asked) + 1);
    timer = setTimeout(() => {
      const at = performance.now();
      if (at - (asked + delay) > LATE_MS) detector.stalled(at);
      const text = detector.quiet(at);
      if (text !== null) onScan({ text, at });
      schedule();
    }, delay);
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (paused() || isTextField(document.activeElement)) {
      detector.reset();
      schedule();
      return;
    }
    const at = event.timeStamp;
    const pending = detector.idle(at);
    if (pending !== null) onScan({ text: pending, at });
    const verdict = detector.key(event, at, event.repeat, performance.now());
    if (verdict.action === 'scan' || verdict.action === 'swallow') {
      // Enter would press whatever button has focus.
      event.preventDefault();
      event.stopPropagation();
    }
    if (verdict.action === 'scan') onScan({ text: verdict.text, at });
    schedule();
  }

  onMounted(() => window.addEventListener('keydown', onKeyDown, { capture: true }));
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    clearTimeout(timer);
  });
}
