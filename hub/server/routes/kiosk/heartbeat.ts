// POST /v1/heartbeat: a kiosk's health every minute, kept as its latest state, as a
// point of its 7-day history (at most one per 10 minutes), and as crash marks for the
// crash-rate alert. The answer tells it whether commands wait, which pack the hub assigns
// it and which keys packs are signed with.
import type { FastifyInstance } from 'fastify';
import { heartbeatRoute } from '../../../../content/schema/hub-api/heartbeat.ts';
import { countWaiting } from '../../../store/queries/commands.ts';
import { recordHeartbeat } from '../../../store/queries/kiosks.ts';
import { addRoute } from '../../http/add-route.ts';
import type { HubContext } from '../../hub-context.ts';
import { packNewsFor } from '../../packs/kiosk-assignment.ts';

export function registerHeartbeat(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    heartbeatRoute,
    async ({ input, principal }) => {
      if (principal.kind !== 'kiosk') throw new Error('heartbeat without a kiosk');
      const h = input.body;
      const now = hub.clock.now();
      await recordHeartbeat(hub.store, {
        deviceId: principal.deviceId,
        now,
        json: JSON.stringify(h),
        appVersion: h.appVersion,
        outboxDepth: h.outbox?.depth ?? null,
        jsHeapBytes: h.jsHeapBytes,
        fps: h.fps,
        rendererCrashes: h.rendererCrashes,
        bootId: h.bootId,
      });
      // Packs are news the kiosk can do without: a heartbeat is never refused over them.
      const packs = await packNewsFor(hub, principal).catch((err: Error) => {
        hub.log.warn({ err: { message: err.message } }, 'pack assignment not worked out for a heartbeat');
        return undefined;
      });
      return { serverTime: now, commandsWaiting: await countWaiting(hub.store, principal.deviceId, now), ...(packs ? { packs } : {}) };
    },
    { bodyLimit: 16 * 1024, perMinute: 30 },
  );
}
