// The kiosk app's update feed: the files in <dataDir>/app-updates/ (latest-linux.yml and
// the AppImage/.deb it names, copied there by an operator from electron-builder's
// release/ folder), for enrolled kiosks only. Served as static files — ETag,
// Last-Modified, If-None-Match, HEAD and Range (a kiosk resumes a broken download) —
// never a listing, never a dotfile, never a path outside the folder.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { APP_UPDATES_PATH, appUpdateFileRoute } from '../../../../content/schema/hub-api/app-updates.ts';
import { authenticate } from '../../auth/authenticate.ts';
import type { HubContext } from '../../hub-context.ts';

/** Where the hub keeps the update feed. */
export const appUpdatesDir = (hub: Pick<HubContext, 'options'>) => path.join(hub.options.dataDir, 'app-updates');

export async function registerAppUpdates(app: FastifyInstance, hub: HubContext): Promise<void> {
  const root = appUpdatesDir(hub);
  mkdirSync(root, { recursive: true });
  await app.register(async (scope) => {
    // The kiosk's credential is checked before anything is read from disk.
    scope.addHook('onRequest', async (request) => {
      request.principal = await authenticate(hub, appUpdateFileRoute, request, undefined);
    });
    await scope.register(fastifyStatic, {
      root,
      prefix: APP_UPDATES_PATH,
      decorateReply: false,
      index: false,
      list: false,
      dotfiles: 'deny',
      // latest-linux.yml changes in place: always revalidated (ETag), never served stale.
      cacheControl: true,
      maxAge: 0,
      acceptRanges: true,
    });
  });
}
