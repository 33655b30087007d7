// The one pointer stream: DOM pointer events on the game's view (its canvas and the
// element around it). Fingers, a mouse and the hand-gesture cursor (which dispatches
// real PointerEvents where it points) all arrive here and come out the same.
import type { PointerInput, PointerSample } from '../contract.ts';

export interface CanvasPointerInput extends PointerInput {
  /** Removes the DOM listeners; the stream is silent afterwards. */
  dispose(): void;
}

const TYPES = { pointerdown: 'down', pointermove: 'move', pointerup: 'up', pointercancel: 'cancel' } as const;

export function createPointerInput(element: HTMLElement): CanvasPointerInput {
  const listeners = new Set<(sample: PointerSample) => void>();

  const onEvent = (event: PointerEvent) => {
    if (listeners.size === 0) return;
    const type = TYPES[event.type as keyof typeof TYPES];
    if (type === 'down' && event.pointerType !== 'mouse') {
      // Keep a finger's drag even when it slides off the canvas.
      try {
        element.setPointerCapture(event.pointerId);
      } catch {
        // Synthetic events have no active pointer to capture.
      }
    }
    const rect = element.getBoundingClientRect();
    const sample: PointerSample = {
      type,
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
      pointerId: event.pointerId,
      pressed: type === 'down' || (type === 'move' && event.buttons !== 0),
      time: event.timeStamp,
    };
    for (const listener of listeners) listener(sample);
  };

  for (const type of Object.keys(TYPES)) element.addEventListener(type, onEvent as EventListener);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      for (const type of Object.keys(TYPES)) element.removeEventListener(type, onEvent as EventListener);
    },
  };
}
