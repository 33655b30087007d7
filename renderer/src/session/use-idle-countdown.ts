// The "still there?" countdown as the shopper sees it: on screen in the warning phase,
// and — once touched — until that touch is over (touch-hold.ts), so the touch that says
// "I'm still here" never lands on what lies under the dialog.
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { IdlePhase } from './idle-phase.ts';
import { createTouchHold, type HoldTimers } from './touch-hold.ts';

const timeouts: HoldTimers = {
  after(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

export function useIdleCountdown(phase: Readonly<Ref<IdlePhase>>) {
  const open = ref(false);
  const held = ref(false);
  /** The last second shown: it stays while the dialog is held. */
  const seconds = ref(0);
  let closing: ReturnType<typeof setTimeout> | undefined;
  watch(
    phase,
    (p) => {
      clearTimeout(closing);
      if (p.phase === 'warning') {
        seconds.value = p.remainingSec;
        open.value = true;
        return;
      }
      // Whatever ended the warning (a touch, a key, a scan, a hand) may still be on its
      // way to the dialog — Vue re-renders between the listeners of one touch — so the
      // dialog closes only once that event is over, and not at all if it was a press on
      // the dialog (which holds it until the touch ends).
      closing = setTimeout(() => {
        if (!hold.held) open.value = false;
      });
    },
    { immediate: true },
  );

  const onLift = (e: PointerEvent) => hold.lift(e.pointerId);
  const onCancel = (e: PointerEvent) => hold.cancel(e.pointerId);
  const listen = (on: boolean) => {
    if (on) {
      window.addEventListener('pointerup', onLift, true);
      window.addEventListener('pointercancel', onCancel, true);
    } else {
      window.removeEventListener('pointerup', onLift, true);
      window.removeEventListener('pointercancel', onCancel, true);
    }
  };
  const hold = createTouchHold(timeouts, () => {
    held.value = false;
    if (phase.value.phase !== 'warning') open.value = false;
    listen(false);
  });

  /** A pointer went down on the dialog: it stays until that touch is over. */
  function press(event: PointerEvent): void {
    if (hold.held) return;
    hold.press(event.pointerId);
    held.value = true;
    listen(true);
  }

  onBeforeUnmount(() => {
    clearTimeout(closing);
    hold.dispose();
    listen(false);
  });

  return {
    visible: computed(() => open.value || held.value),
    seconds,
    press,
    /** The click of that touch reached the dialog (and nothing under it). */
    click: () => hold.click(),
  };
}
