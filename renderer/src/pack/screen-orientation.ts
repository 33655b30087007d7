// The screen's shape as the pack's media variants name it, following the window when it
// turns (a kiosk rotated, a browser resized).
import { readonly, ref, type Ref } from 'vue';
import type { Orientation } from '../../../content/schema/media-variants.ts';

const QUERY = '(orientation: portrait)';
let shared: Ref<Orientation> | undefined;

const shapeOf = (portrait: boolean): Orientation => (portrait ? 'portrait' : 'landscape');

/** The orientation now, without following it (landscape where there is no window). */
export function currentOrientation(): Orientation {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? shapeOf(window.matchMedia(QUERY).matches) : 'landscape';
}

/** The orientation, kept up to date for as long as the page lives (one listener for all callers). */
export function useScreenOrientation(): Readonly<Ref<Orientation>> {
  if (!shared) {
    const orientation = ref<Orientation>(currentOrientation());
    if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
      window.matchMedia(QUERY).addEventListener('change', (event) => {
        orientation.value = shapeOf(event.matches);
      });
    }
    shared = orientation;
  }
  return readonly(shared);
}

/** Forgets the shared listener state (tests that change the window between cases). */
export function resetScreenOrientation(): void {
  shared = undefined;
}
