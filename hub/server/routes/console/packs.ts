// The console's pack routes: upload (checked as a kiosk checks it), list, look at and
// delete packs, and download one as uploaded. The merchandising keys (pack-keys.ts),
// access tokens for `kiosk-pack publish` (access-tokens.ts) and rollouts (rollouts.ts)
// are registered with them. Every change is in the audit log.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { deletePackRoute, packFileRoute, packRoute, packsListRoute, uploadPackRoute } from '../../../../content/schema/hub-api/console/packs.ts';
import { MANIFEST_FILE } from '../../../../content/schema/layout.ts';
import { audit } from '../../../store/queries/audit.ts';
import { deletePack, listPacks, packById } from '../../../store/queries/packs.ts';
import { kioskPackFacts, listRollouts, liveRolloutsOfPack, publishedPacks } from '../../../store/queries/rollouts.ts';
import { addRoute } from '../../http/add-route.ts';
import { HttpError, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { kioskPackRows, packRow, rolloutRows } from '../../packs/fleet-packs.ts';
import { PackRefused, receivePack } from '../../packs/keep-pack.ts';
import { archiveFile, packFolder, unpackedDir } from '../../packs/pack-folder.ts';
import { sendFile } from '../../packs/send-file.ts';
import { registerAccessTokens } from './access-tokens.ts';
import { registerPackKeys } from './pack-keys.ts';
import { conflict, packActor, PUBLISHERS } from './pack-publishers.ts';
import { registerRollouts } from './rollouts.ts';

function registerPackLibrary(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    uploadPackRoute,
    async ({ principal, request, reply, bodyStream }) => {
      const length = request.headers['content-length'];
      try {
        const kept = await receivePack(hub, bodyStream!, { declaredBytes: length === undefined ? null : Number(length), actor: packActor(principal) });
        return { ok: true as const, pack: packRow(kept.pack, await publishedPacks(hub.store)), alreadyUploaded: kept.alreadyUploaded };
      } catch (error) {
        if (!(error instanceof PackRefused)) throw error;
        await audit(hub.store, { at: hub.clock.now(), actor: packActor(principal), action: 'pack.refused', target: null, detail: { code: error.failure.code, problems: error.failure.problems.length } });
        reply.code(422);
        return error.failure as never;
      }
    },
    { roles: PUBLISHERS },
  );

  addRoute(
    app,
    hub,
    packsListRoute,
    async () => {
      const published = await publishedPacks(hub.store);
      return { packs: (await listPacks(hub.store)).map((p) => packRow(p, published)) };
    },
  );

  addRoute(app, hub, packRoute, async ({ input }) => {
    const pack = await packById(hub.store, input.params.id);
    if (!pack) throw notFound(`There is no pack ${input.params.id} on this hub.`);
    const manifestFile = path.join(unpackedDir(packFolder(hub), pack.sha256), MANIFEST_FILE);
    const manifest = await readFile(manifestFile, 'utf8').then(
      (text) => JSON.parse(text) as { files: Record<string, { size: number; sha256: string }> },
      () => {
        // The row is there, its files are not (the pack folder was not restored with the database).
        throw new HttpError(410, 'files-missing', `The files of ${pack.packId} ${pack.version} are not in the hub's pack folder (${packFolder(hub).root}): restore the folder from its backup, or delete the pack and upload it again.`);
      },
    );
    const files = Object.entries(manifest.files)
      .map(([file, f]) => ({ path: file, bytes: f.size, sha256: f.sha256 }))
      .sort((a, b) => a.path.localeCompare(b.path));
    const now = hub.clock.now();
    const all = await listRollouts(hub.store);
    const kiosks = kioskPackRows(await kioskPackFacts(hub.store), all, now, hub.options.onlineWithinMs);
    const rollouts = rolloutRows(all.filter((r) => r.pack === pack.id), kiosks, now);
    return { pack: packRow(pack, await publishedPacks(hub.store)), files, rollouts };
  });

  addRoute(
    app,
    hub,
    deletePackRoute,
    async ({ input, principal }) => {
      const pack = await packById(hub.store, input.params.id);
      if (!pack) throw notFound(`There is no pack ${input.params.id} on this hub.`);
      const live = await liveRolloutsOfPack(hub.store, pack.id);
      if (live.length > 0) {
        throw conflict(`${pack.packId} ${pack.version} is published (rollout ${live.map((r) => r.id).join(', ')}): roll those rollouts back before deleting it.`, 'published');
      }
      await deletePack(hub.store, pack.id);
      const folder = packFolder(hub);
      await rm(archiveFile(folder, pack.sha256), { force: true });
      await rm(unpackedDir(folder, pack.sha256), { recursive: true, force: true });
      await audit(hub.store, { at: hub.clock.now(), actor: packActor(principal), action: 'pack.deleted', target: `${pack.packId}@${pack.version}`, detail: { pack: pack.id, sha256: pack.sha256 } });
      return { ok: true as const };
    },
    { roles: PUBLISHERS },
  );

  addRoute(app, hub, packFileRoute, async ({ input, request, reply }) => {
    const pack = await packById(hub.store, input.params.id);
    if (!pack) throw notFound(`There is no pack ${input.params.id} on this hub.`);
    return sendFile(request, reply, archiveFile(packFolder(hub), pack.sha256), {
      etag: pack.sha256,
      contentType: 'application/octet-stream',
      cacheControl: 'private, no-cache',
      downloadName: `${pack.packId}-${pack.version}.kpack`,
    });
  });
}

export function registerPacks(app: FastifyInstance, hub: HubContext): void {
  registerPackLibrary(app, hub);
  registerPackKeys(app, hub);
  registerAccessTokens(app, hub);
  registerRollouts(app, hub);
}
