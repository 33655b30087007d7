// The fleet page and a kiosk's page: every kiosk the user may see with its health from
// the last heartbeat, one kiosk's 7-day history, and revoking a kiosk.
import type { FastifyInstance } from 'fastify';
import { fleetRoute, kioskRoute, revokeKioskRoute, type KioskRow } from '../../../../content/schema/hub-api/console/fleet.ts';
import { Heartbeat } from '../../../../content/schema/hub-api/heartbeat.ts';
import { audit } from '../../../store/queries/audit.ts';
import { healthHistory, HISTORY_MS, listKiosks, revokeKiosk, sessionsPerHour, type KioskRecord } from '../../../store/queries/kiosks.ts';
import { visibleStores } from '../../auth/authenticate.ts';
import { addRoute } from '../../http/add-route.ts';
import { notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { actorOf } from './users.ts';

/**
 * Each kiosk's last heartbeat as read for the fleet page, kept until the kiosk sends
 * another: the console asks for 5,000 kiosks every 30 s while each sends one a minute, so
 * most are unchanged since the last look and are not parsed and checked again. Only a
 * cache: a heartbeat is used only when its stored text is the one parsed.
 */
const parsed = new Map<string, { json: string; heartbeat: Heartbeat | null }>();
const PARSED_MAX = 100_000;

function heartbeatOf(deviceId: string, json: string | null): Heartbeat | null {
  if (!json) return null;
  const known = parsed.get(deviceId);
  if (known?.json === json) return known.heartbeat;
  let heartbeat: Heartbeat | null = null;
  try {
    const result = Heartbeat.safeParse(JSON.parse(json));
    heartbeat = result.success ? result.data : null;
  } catch {
    heartbeat = null;
  }
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(deviceId, { json, heartbeat });
  return heartbeat;
}

export function kioskRow(k: KioskRecord, now: number, onlineWithinMs: number): KioskRow {
  const hb = heartbeatOf(k.deviceId, k.heartbeat);
  return {
    deviceId: k.deviceId,
    name: k.name,
    storeId: k.storeId,
    enrolledAt: new Date(k.enrolledAt).toISOString(),
    revoked: k.revokedAt !== null,
    online: k.revokedAt === null && k.lastHeartbeatAt !== null && now - k.lastHeartbeatAt < onlineWithinMs,
    lastHeartbeatAt: k.lastHeartbeatAt,
    appVersion: k.appVersion,
    mode: hb?.mode ?? null,
    pack: hb?.pack ?? null,
    packProblem: hb?.packProblem ?? null,
    outboxDepth: hb?.outbox?.depth ?? null,
    oldestUnsentAgeMs: hb?.outbox?.oldestUnsentAgeMs ?? null,
    seqGaps: k.seqGaps,
    rendererRestarts: hb?.rendererRestarts ?? null,
    rendererCrashes: hb?.rendererCrashes ?? null,
    camera: hb?.camera ?? null,
    scanner: hb?.scanner ?? null,
    lastInteractionAt: hb?.lastInteractionAt ?? null,
    openAlerts: k.openAlerts,
    update: hb?.update ?? null,
  };
}

export function registerFleet(app: FastifyInstance, hub: HubContext): void {
  addRoute(app, hub, fleetRoute, async ({ input, principal }) => {
    const now = hub.clock.now();
    const kiosks = await listKiosks(hub.store, { storeIds: visibleStores(principal), storeId: input.query.storeId });
    return { kiosks: kiosks.map((k) => kioskRow(k, now, hub.options.onlineWithinMs)), now };
  });

  addRoute(app, hub, kioskRoute, async ({ input, principal }) => {
    const now = hub.clock.now();
    const [kiosk] = await listKiosks(hub.store, { storeIds: visibleStores(principal), deviceId: input.params.deviceId });
    if (!kiosk) throw notFound(`There is no kiosk ${input.params.deviceId} (or it is in a store you do not look after).`);
    const since = now - HISTORY_MS;
    const [health, sessions] = await Promise.all([healthHistory(hub.store, kiosk.deviceId, since), sessionsPerHour(hub.store, kiosk.deviceId, since)]);
    return {
      kiosk: kioskRow(kiosk, now, hub.options.onlineWithinMs),
      health: health.map((p) => ({ at: p.at, outboxDepth: p.outbox_depth, jsHeapBytes: p.js_heap_bytes, fps: p.fps })),
      sessionsPerHour: sessions.map((s) => ({ hour: s.hour, sessions: Number(s.sessions) })),
      now,
    };
  });

  addRoute(
    app,
    hub,
    revokeKioskRoute,
    async ({ input, principal }) => {
      const now = hub.clock.now();
      if (!(await revokeKiosk(hub.store, input.params.deviceId, now))) throw notFound(`There is no kiosk ${input.params.deviceId}.`);
      await audit(hub.store, { at: now, actor: actorOf(principal), action: 'kiosk.revoked', target: input.params.deviceId });
      const [kiosk] = await listKiosks(hub.store, { storeIds: null, deviceId: input.params.deviceId });
      return kioskRow(kiosk!, now, hub.options.onlineWithinMs);
    },
    { roles: ['admin'] },
  );
}
