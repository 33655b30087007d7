// Watches for a shopper walking away: any touch, key or gesture counts as activity;
// after the configured quiet time (longer while a game plays or a coupon shows: idle-phase.ts) a
// countdown shows, then the session ends.
import { onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { idleLimits, idlePhase, type IdlePhase, type IdleSettings } from './idle-phase.ts';
import { useSessionStore } from './session-store.ts';

/** Other parts of the kiosk (gestures, the scanner) report activity with this DOM event. */
export const ACTIVITY_EVENT = 'kiosk:activity';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', ACTIVITY_EVENT] as const;

export function useIdleTimeout(settings: IdleSettings) {
  const session = useSessionStore();
  const phase = ref<IdlePhase>({ phase: 'active' });
  let interval: ReturnType<typeof setInterval> | undefined;
  const onActivity = (event: Event) => {
    if (!session.active) return;
    // While "still there?" shows, a pointer merely passing over it (a mouse, the hand
    // cursor hovering) is not an answer: only a press, a key, a scan or a hand counts.
    if (phase.value.phase === 'warning' && event.type === 'pointermove' && (event as PointerEvent).buttons === 0) return;
    session.markActivity();
  };

  function check() {
    if (!session.active) {
      phase.value = { phase: 'active' };
      return;
    }
    const { timeoutMs, warningMs } = idleLimits(settings, session.idleContext);
    const next = idlePhase(session.lastActivityAt, performance.now(), timeoutMs, warningMs);
    if (next.phase === 'expired') {
      phase.value = { phase: 'active' };
      session.end('idle');
      return;
    }
    if (next.phase === 'warning' && phase.value.phase !== 'warning') emitAppEvent('idle-warning', { remainingSec: next.remainingSec });
    phase.value = next;
  }

  onMounted(() => {
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    interval = setInterval(check, 250);
  });
  onBeforeUnmount(() => {
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    clearInterval(interval);
  });
  watch(() => [session.lastActivityAt, session.idleContext], check);

  return { phase };
}
