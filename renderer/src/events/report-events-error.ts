// How the engagement log says something went wrong without stopping the app: an app
// event for the end-to-end tests, and the console for whoever looks at the kiosk.
import { emitAppEvent } from '../test-hook/app-events.ts';

export function reportEventsError(message: string): void {
  emitAppEvent('events-error', { message });
  console.error(`Engagement log: ${message}`);
}
