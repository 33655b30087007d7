// Whether and how this install updates itself: the feed (updates.url, or the hub's
// /v1/app-updates/ when the kiosk has a hub), and the kind of install — an AppImage
// (systemd starts the file APPIMAGE names) or a .deb (electron-builder writes "deb" into
// resources/package-type). Anything else (a development run, updates switched off, no
// feed) does not update itself and says why. Pure: main passes what it knows.
import { APP_UPDATES_PATH } from '../../../content/schema/hub-api/app-updates.ts';
import type { UpdateKind } from './feed-updater.ts';

export interface UpdateSetupInput {
  enabled: boolean;
  /** kiosk.json updates.url */
  url: string | undefined;
  /** kiosk.json hub.url */
  hubUrl: string | undefined;
  isPackaged: boolean;
  platform: string;
  /** The APPIMAGE environment variable the AppImage runtime sets. */
  appImage: string | undefined;
  /** The contents of resources/package-type, or null. */
  packageType: string | null;
}

export type UpdateSetup =
  | { kind: UpdateKind; feedUrl: string; /** The feed is the hub's: the kiosk's credential goes with each request. */ viaHub: boolean }
  | { kind: null; offReason: string; feedUrl: string | null };

/** The hub's update feed under its base URL (a hub behind a path prefix keeps it). */
export function hubFeedUrl(hubUrl: string): string {
  return new URL(APP_UPDATES_PATH.slice(1), hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`).href;
}

export function updateSetup(i: UpdateSetupInput): UpdateSetup {
  const feedUrl = i.url ? (i.url.endsWith('/') ? i.url : `${i.url}/`) : i.hubUrl ? hubFeedUrl(i.hubUrl) : null;
  if (!i.enabled) return { kind: null, offReason: 'Self-update is switched off (updates.enabled in kiosk.json).', feedUrl };
  if (!i.isPackaged) return { kind: null, offReason: 'A development run does not update itself.', feedUrl };
  if (i.platform !== 'linux') return { kind: null, offReason: `Self-update is made for Linux kiosks; this one runs on ${i.platform}.`, feedUrl };
  if (!feedUrl) return { kind: null, offReason: 'No update feed: set updates.url in kiosk.json, or hub.url to take updates from the hub.', feedUrl };
  const viaHub = !i.url && Boolean(i.hubUrl);
  if (i.appImage) return { kind: 'appimage', feedUrl, viaHub };
  if (i.packageType?.trim() === 'deb') return { kind: 'deb', feedUrl, viaHub };
  return { kind: null, offReason: 'This install is neither the AppImage nor the .deb package, so it is updated by hand.', feedUrl };
}
