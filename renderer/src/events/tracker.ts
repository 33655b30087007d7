// The one way the renderer records an engagement event. `track()` resolves once the
// event is durable; callers whose next step depends on it (a coupon on screen) await.
import { inject, type InjectionKey } from 'vue';
import type { EventCatalogue, EventName } from '../../../content/schema/events/tracking-plan.ts';

export interface Tracker {
  track<E extends EventName>(event: E, properties: EventCatalogue[E]): Promise<void>;
}

export const trackerKey: InjectionKey<Tracker> = Symbol('kiosk-tracker');

export function useTracker(): Tracker {
  const tracker = inject(trackerKey);
  if (!tracker) throw new Error('The event tracker was not provided to the app');
  return tracker;
}
