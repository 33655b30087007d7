// The dashboards' routes: each report over the rollups with the same filters; a store
// manager sees only their stores. Raw events export as CSV or newline-delimited JSON.
import type { FastifyInstance } from 'fastify';
import {
  dwellRoute,
  DWELL_BUCKET_LIMITS_MS,
  funnelRoute,
  gamesRoute,
  heatmapRoute,
  inputsRoute,
  packListRoute,
  packsRoute,
  planProblemsRoute,
  scansRoute,
  type AnalyticsFilter,
  type Funnel,
} from '../../../../content/schema/hub-api/console/analytics.ts';
import { Heartbeat } from '../../../../content/schema/hub-api/heartbeat.ts';
import { dwellBuckets, eventCounts, eventCountsByPack, funnelByPack, funnelCounts, gameCounts, packVersions, planProblems, productScans, sessionsByHourAndStore, type FunnelCounts, type RollupFilter } from '../../../store/queries/analytics.ts';
import { listKiosks } from '../../../store/queries/kiosks.ts';
import { auditCampaign } from '../../analytics/odds-audit.ts';
import { localWeekdayHour } from '../../analytics/local-time.ts';
import { visibleStores, type Principal } from '../../auth/authenticate.ts';
import { addRoute } from '../../http/add-route.ts';
import { badRequest, forbidden } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { storeHoursById } from './stores.ts';

/** The longest period a report takes at once. */
const MAX_PERIOD_MS = 400 * 86_400_000;

export function rollupFilter(principal: Principal, f: Partial<AnalyticsFilter> & { from: number; to: number }): RollupFilter {
  if (!(f.to > f.from)) throw badRequest('query.to: the period must end after it starts');
  if (f.to - f.from > MAX_PERIOD_MS) throw badRequest('query: a report covers at most 400 days at once');
  const visible = visibleStores(principal);
  if (visible && f.storeId && !visible.includes(f.storeId)) throw forbidden(`You do not look after store ${f.storeId}.`);
  return { from: f.from, to: f.to, storeId: f.storeId, deviceId: f.deviceId, pack: f.pack, visibleStores: visible };
}

export function funnelOf(c: FunnelCounts): Funnel {
  return {
    sessions: c.sessions,
    home: c.home,
    scan: c.scan,
    play: c.play,
    offers: c.offers,
    engaged: c.engaged,
    gameFinished: c.game_finished,
    couponIssued: c.coupon_issued,
    couponRedeemed: c.coupon_redeemed,
    meanDwellMs: c.dwell_sessions > 0 ? Math.round(c.dwell_ms / c.dwell_sessions) : null,
  };
}

const byVariant = (rows: { event: string; variant: string; count: number }[], event: string) =>
  Object.fromEntries(rows.filter((r) => r.event === event).map((r) => [r.variant || 'unknown', r.count]));

const ANALYSTS = ['admin', 'analyst', 'merchandiser', 'store-manager'] as const;

export function registerAnalytics(app: FastifyInstance, hub: HubContext): void {
  const opts = { roles: ANALYSTS };
  addRoute(app, hub, funnelRoute, async ({ input, principal }) => funnelOf(await funnelCounts(hub.store, rollupFilter(principal, input.query))), opts);

  addRoute(
    app,
    hub,
    heatmapRoute,
    async ({ input, principal }) => {
      const rows = await sessionsByHourAndStore(hub.store, rollupFilter(principal, input.query));
      const hours = await storeHoursById(hub);
      const cells = new Map<string, { weekday: number; hour: number; sessions: number }>();
      for (const r of rows) {
        const { weekday, hour } = localWeekdayHour(r.hour, hours(r.storeId).timezone);
        const key = `${weekday}:${hour}`;
        const cell = cells.get(key) ?? { weekday, hour, sessions: 0 };
        cell.sessions += r.sessions;
        cells.set(key, cell);
      }
      return { cells: [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour) };
    },
    opts,
  );

  addRoute(
    app,
    hub,
    dwellRoute,
    async ({ input, principal }) => {
      const counts = await dwellBuckets(hub.store, rollupFilter(principal, input.query));
      return { buckets: DWELL_BUCKET_LIMITS_MS.map((upToMs, i) => ({ upToMs, sessions: counts.get(i) ?? 0 })) };
    },
    opts,
  );

  addRoute(
    app,
    hub,
    packsRoute,
    async ({ input, principal }) => {
      const f = rollupFilter(principal, input.query);
      const [packs, events] = await Promise.all([funnelByPack(hub.store, f), scansAndPlaysByPack(hub, f)]);
      return {
        packs: packs
          .filter((p) => p.pack !== '')
          .map((p) => ({ pack: p.pack, funnel: funnelOf(p.counts), scans: events.get(p.pack)?.scans ?? 0, plays: events.get(p.pack)?.plays ?? 0, kiosks: p.kiosks })),
      };
    },
    opts,
  );

  addRoute(
    app,
    hub,
    scansRoute,
    async ({ input, principal }) => {
      const f = rollupFilter(principal, input.query);
      const [top, notFound] = await Promise.all([productScans(hub.store, f, true, input.query.limit), productScans(hub.store, f, false, input.query.limit)]);
      return { top, notFound };
    },
    opts,
  );

  addRoute(app, hub, gamesRoute, async ({ input, principal }) => ({ campaigns: (await gameCounts(hub.store, rollupFilter(principal, input.query))).map(auditCampaign) }), opts);

  addRoute(
    app,
    hub,
    inputsRoute,
    async ({ input, principal }) => {
      const f = rollupFilter(principal, input.query);
      const rows = await eventCounts(hub.store, f, ['Session Started', 'Gesture Used', 'Barcode Scanned']);
      const kiosks = await listKiosks(hub.store, { storeIds: f.visibleStores, storeId: f.storeId, ...(f.deviceId ? { deviceId: f.deviceId } : {}) });
      const cameras: Record<string, number> = {};
      for (const k of kiosks) {
        if (k.revokedAt !== null || !k.heartbeat) continue;
        const hb = Heartbeat.safeParse(JSON.parse(k.heartbeat));
        const state = hb.success ? hb.data.camera : 'unknown';
        cameras[state] = (cameras[state] ?? 0) + 1;
      }
      return { wakes: byVariant(rows, 'Session Started'), gestures: byVariant(rows, 'Gesture Used'), scans: byVariant(rows, 'Barcode Scanned'), cameras };
    },
    opts,
  );

  addRoute(app, hub, packListRoute, async ({ input, principal }) => ({ packs: await packVersions(hub.store, rollupFilter(principal, input.query)) }), opts);

  addRoute(
    app,
    hub,
    planProblemsRoute,
    async ({ input, principal }) => {
      rollupFilter(principal, input.query);
      return { problems: await planProblems(hub.store, input.query.from, input.query.to) };
    },
    { roles: ['admin', 'analyst'] },
  );
}

/** Scans and plays per pack, for the pack comparison. */
async function scansAndPlaysByPack(hub: HubContext, f: RollupFilter): Promise<Map<string, { scans: number; plays: number }>> {
  const out = new Map<string, { scans: number; plays: number }>();
  for (const row of await eventCountsByPack(hub.store, f, ['Barcode Scanned', 'Game Started'])) {
    const counts = out.get(row.pack) ?? { scans: 0, plays: 0 };
    if (row.event === 'Barcode Scanned') counts.scans += row.count;
    else counts.plays += row.count;
    out.set(row.pack, counts);
  }
  return out;
}
