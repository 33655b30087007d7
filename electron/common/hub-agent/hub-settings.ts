// What the hub settings mean for the rest of the kiosk: where events go, which origins
// the renderer may connect to, and what an installer should fix.
import type { KioskSettings } from '../kiosk-settings.ts';

/** Both set: the hub wins. The sentence the admin screen's problems show. */
export function hubSettingsProblems(config: Pick<KioskSettings, 'hub' | 'collector'>): string[] {
  if (config.hub.url && config.collector.url) {
    return ['Both hub.url and collector.url are set in kiosk.json: engagement events go to the hub, and collector.url is not used. Remove collector.url.'];
  }
  return [];
}

/** The base URL the renderer's uploader uses when no hub is set; with a hub, the agent gives it the hub and the credential. */
export function eventsGoToHub(config: Pick<KioskSettings, 'hub'>): boolean {
  return Boolean(config.hub.url);
}
