// GET /v1/app-updates/:file: the kiosk app's update feed, served by the hub from its
// data folder's app-updates/ (latest-linux.yml and the AppImage or .deb it names, as
// electron-builder writes them). Kiosks read it with their credential through
// electron-updater's generic provider; a Range request resumes a broken download.
import { z } from 'zod';
import { ApiErrorBody } from './errors.ts';
import { route } from './route.ts';

/** The feed's folder under a hub's base URL: kiosk.json's updates.url when the hub serves updates. */
export const APP_UPDATES_PATH = '/v1/app-updates/';

export const appUpdateFileRoute = route({
  method: 'GET',
  path: '/v1/app-updates/*',
  auth: 'kiosk',
  summary: "A file of the kiosk app's update feed (latest-linux.yml, the AppImage or .deb); ETag, If-None-Match and Range as a static file server.",
  responses: { 200: z.instanceof(Uint8Array), 206: z.instanceof(Uint8Array), 304: z.null(), 401: ApiErrorBody, 404: ApiErrorBody },
});
