// Hides the mouse cursor after a few seconds without movement (touch screens show none).
import { onBeforeUnmount, onMounted } from 'vue';

export function useCursorAutohide(afterMs = 3000): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => document.body.classList.add('cursor-hidden');
  const onMove = (event: PointerEvent) => {
    // Touch, and the hand cursor's synthetic events, never show the system arrow.
    if (!event.isTrusted || event.pointerType !== 'mouse') return hide();
    document.body.classList.remove('cursor-hidden');
    clearTimeout(timer);
    timer = setTimeout(hide, afterMs);
  };
  onMounted(() => {
    hide();
    window.addEventListener('pointermove', onMove, { passive: true });
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    window.removeEventListener('pointermove', onMove);
  });
}
