// What would change for a store's shoppers: an uploaded pack compared with the pack the
// store's kiosks run now (from their heartbeats), or with another upload.
import type { FastifyInstance } from 'fastify';
import { packDiffRoute, type PackDiffAnswer } from '../../../../content/schema/hub-api/console/pack-diff.ts';
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';
import { packById, packByVersion, type PackRecord } from '../../../store/queries/packs.ts';
import { kioskPackFacts } from '../../../store/queries/rollouts.ts';
import { visibleStores } from '../../auth/authenticate.ts';
import { addRoute } from '../../http/add-route.ts';
import { notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { kioskPackRows } from '../../packs/fleet-packs.ts';
import { diffUploads } from '../../preview/diff-packs.ts';

const READERS: readonly Role[] = ['admin', 'merchandiser'];

const ref = (p: PackRecord) => ({ uploadId: p.id, packId: p.packId, version: p.version, title: { 'zh-CN': p.title.zh, en: p.title.en } });

/** What the store's kiosks run now, the version most of them run first. */
async function liveOn(hub: HubContext, storeId: string): Promise<PackDiffAnswer['live']> {
  const kiosks = kioskPackRows(await kioskPackFacts(hub.store, { storeId }), [], hub.clock.now(), hub.options.onlineWithinMs);
  const counts = new Map<string, { packId: string; version: string; kiosks: number }>();
  for (const k of kiosks) {
    if (!k.running) continue;
    const key = `${k.running.packId}@${k.running.version}`;
    const entry = counts.get(key) ?? { packId: k.running.packId, version: k.running.version, kiosks: 0 };
    entry.kiosks++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.kiosks - a.kiosks || a.packId.localeCompare(b.packId) || a.version.localeCompare(b.version));
}

export function registerPackDiff(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    packDiffRoute,
    async ({ input, principal }) => {
      const target = await packById(hub.store, input.params.id);
      if (!target) throw notFound('No uploaded pack has this id.');
      const answer: PackDiffAnswer = { target: ref(target), live: [], base: null, noBase: null, diff: null };

      let base: PackRecord | null = null;
      if (input.query.against) {
        base = await packById(hub.store, input.query.against);
        if (!base) answer.noBase = 'no-such-upload';
      } else if (input.query.storeId) {
        const storeId = input.query.storeId;
        const visible = visibleStores(principal);
        if (visible && !visible.includes(storeId)) throw notFound('No store with this id is yours to see.');
        answer.live = await liveOn(hub, storeId);
        if (answer.live.length === 0) answer.noBase = 'nothing-live';
        for (const live of answer.live) {
          base = await packByVersion(hub.store, live.packId, live.version);
          if (base) break;
        }
        if (!base && answer.live.length > 0) answer.noBase = 'not-on-hub';
      }
      if (base) {
        answer.base = ref(base);
        answer.diff = await diffUploads(hub, base, target);
      }
      return answer;
    },
    { roles: READERS },
  );
}
