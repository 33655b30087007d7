// Swipes reach screens through one small DOM event on window:
//
//   'kiosk:swipe'  CustomEvent<{ direction: 'left' | 'right'; action: 'next' | 'previous' }>
//
// A swipe to the left brings the next item (like paging on a phone), to the right the
// previous one. A screen that pages through something calls useSwipeActions({ next,
// previous }); the first handler to act calls preventDefault(), so the dispatcher knows
// the swipe was used. Anything else (a test, a keyboard shortcut) may send one too.
import { onBeforeUnmount, onMounted } from 'vue';
import type { SwipeDirection } from './gesture-recogniser.ts';

export const SWIPE_EVENT = 'kiosk:swipe';

export type SwipeAction = 'next' | 'previous';

export interface SwipeEventDetail {
  direction: SwipeDirection;
  action: SwipeAction;
}

export const actionOf = (direction: SwipeDirection): SwipeAction => (direction === 'left' ? 'next' : 'previous');

/** Sends a swipe to the current screen. True when a screen acted on it. */
export function dispatchSwipe(direction: SwipeDirection, target: EventTarget = window): boolean {
  const event = new CustomEvent<SwipeEventDetail>(SWIPE_EVENT, { detail: { direction, action: actionOf(direction) }, cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

/** For a screen component: what its next/previous are while it is mounted. */
export function useSwipeActions(actions: Partial<Record<SwipeAction, () => void>>, target: EventTarget = window): void {
  const onSwipe = (event: Event) => {
    const { detail } = event as CustomEvent<SwipeEventDetail>;
    const act = actions[detail.action];
    if (!act || event.defaultPrevented) return;
    event.preventDefault();
    act();
  };
  onMounted(() => target.addEventListener(SWIPE_EVENT, onSwipe));
  onBeforeUnmount(() => target.removeEventListener(SWIPE_EVENT, onSwipe));
}
