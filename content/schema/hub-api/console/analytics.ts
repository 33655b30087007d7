// The dashboards: what a store manager and a brand ask of the events. Each report takes
// the same filters (store, kiosk, pack version, date range) and reads rollups kept at
// ingest, never raw events.
import { z } from 'zod';
import { ApiErrorBody } from '../errors.ts';
import { DeviceId, StoreId } from '../enrolment.ts';
import { route } from '../route.ts';

export const AnalyticsFilter = z.object({
  storeId: StoreId.optional(),
  deviceId: DeviceId.optional(),
  /** packId@version, as the kiosks report it. */
  pack: z.string().max(200).optional(),
  /** Epoch ms, inclusive. */
  from: z.coerce.number().int(),
  /** Epoch ms, exclusive. */
  to: z.coerce.number().int(),
});
export type AnalyticsFilter = z.infer<typeof AnalyticsFilter>;

/** Sessions that reached each step (a session counts once per step). */
export const Funnel = z.object({
  sessions: z.number(),
  home: z.number(),
  scan: z.number(),
  play: z.number(),
  offers: z.number(),
  /** Sessions that scanned, played or opened the offers. */
  engaged: z.number(),
  gameFinished: z.number(),
  couponIssued: z.number(),
  couponRedeemed: z.number(),
  /** Mean length of the sessions that ended, ms (null: none ended). */
  meanDwellMs: z.number().nullable(),
});
export type Funnel = z.infer<typeof Funnel>;

export const funnelRoute = route({
  method: 'GET',
  path: '/api/analytics/funnel',
  auth: 'console',
  summary: 'Shopper sessions → home → scan / play / offers → game finished → coupon issued → coupon redeemed.',
  query: AnalyticsFilter,
  responses: { 200: Funnel, 400: ApiErrorBody },
});

export const HeatmapCell = z.object({
  /** 0 Monday … 6 Sunday, in the store's own time zone. */
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  sessions: z.number(),
});
export const heatmapRoute = route({
  method: 'GET',
  path: '/api/analytics/heatmap',
  auth: 'console',
  summary: "Sessions by weekday and hour of the day, each store's in its own time zone.",
  query: AnalyticsFilter,
  responses: { 200: z.object({ cells: z.array(HeatmapCell) }), 400: ApiErrorBody },
});

/** Upper bounds of the dwell-time buckets, ms (the last one has no bound). */
export const DWELL_BUCKET_LIMITS_MS = [10_000, 30_000, 60_000, 120_000, 300_000, 600_000, null] as const;
export const dwellRoute = route({
  method: 'GET',
  path: '/api/analytics/dwell',
  auth: 'console',
  summary: 'How long sessions lasted, in buckets (under 10 s, 10–30 s, … over 10 min).',
  query: AnalyticsFilter,
  responses: { 200: z.object({ buckets: z.array(z.object({ upToMs: z.number().nullable(), sessions: z.number() })) }), 400: ApiErrorBody },
});

export const PackFigures = z.object({ pack: z.string(), funnel: Funnel, scans: z.number(), plays: z.number(), kiosks: z.number() });
export const packsRoute = route({
  method: 'GET',
  path: '/api/analytics/packs',
  auth: 'console',
  summary: 'The same figures for each pack version shown in the period, side by side (pick two to compare).',
  query: AnalyticsFilter.omit({ pack: true }),
  responses: { 200: z.object({ packs: z.array(PackFigures) }), 400: ApiErrorBody },
});

export const ProductScans = z.object({ productId: z.string(), scans: z.number(), kiosks: z.number() });
export const scansRoute = route({
  method: 'GET',
  path: '/api/analytics/scans',
  auth: 'console',
  summary: 'The most scanned products, and the codes shoppers scanned that the catalogue lacks (GTINs only).',
  query: AnalyticsFilter.extend({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
  responses: { 200: z.object({ top: z.array(ProductScans), notFound: z.array(ProductScans) }), 400: ApiErrorBody },
});

export const CampaignAudit = z.object({
  gameId: z.string(),
  campaignId: z.string(),
  /** The odds the pack configured (0–1), as the kiosks reported them; null when unknown. */
  odds: z.number().nullable(),
  plays: z.number(),
  completed: z.number(),
  /** Games where the prize was drawn against the odds. */
  draws: z.number(),
  won: z.number(),
  /** won / draws (0–1); null with no draw. */
  winRate: z.number().nullable(),
  /** 99 % confidence interval of the observed win rate (Wilson score). */
  interval: z.tuple([z.number(), z.number()]).nullable(),
  /** The configured odds lie outside that interval: the prizes do not follow the pack. */
  flagged: z.boolean(),
});
export type CampaignAudit = z.infer<typeof CampaignAudit>;
export const gamesRoute = route({
  method: 'GET',
  path: '/api/analytics/games',
  auth: 'console',
  summary: 'Plays, completion and prizes per game and campaign, audited against the configured odds.',
  query: AnalyticsFilter,
  responses: { 200: z.object({ campaigns: z.array(CampaignAudit) }), 400: ApiErrorBody },
});

export const inputsRoute = route({
  method: 'GET',
  path: '/api/analytics/inputs',
  auth: 'console',
  summary: 'How shoppers reached the kiosk (touch, gesture, scanner) and what they used, and the camera state of the kiosks now.',
  query: AnalyticsFilter,
  responses: {
    200: z.object({
      /** Sessions started by each trigger. */
      wakes: z.record(z.string(), z.number()),
      /** Gestures used, by kind. */
      gestures: z.record(z.string(), z.number()),
      /** Scans, by source (scanner, camera). */
      scans: z.record(z.string(), z.number()),
      /** Kiosks by camera state in their last heartbeat. */
      cameras: z.record(z.string(), z.number()),
    }),
    400: ApiErrorBody,
  },
});

export const packListRoute = route({
  method: 'GET',
  path: '/api/analytics/pack-versions',
  auth: 'console',
  summary: 'Pack versions seen in the period, for the filters.',
  query: AnalyticsFilter.omit({ pack: true }),
  responses: { 200: z.object({ packs: z.array(z.string()) }), 400: ApiErrorBody },
});

export const PlanProblem = z.object({ event: z.string(), problem: z.string(), count: z.number(), lastAt: z.number() });
export const planProblemsRoute = route({
  method: 'GET',
  path: '/api/analytics/plan-problems',
  auth: 'console',
  summary: 'Events that break the tracking plan (they are stored all the same), by event and problem.',
  query: AnalyticsFilter.pick({ from: true, to: true }),
  responses: { 200: z.object({ problems: z.array(PlanProblem) }), 400: ApiErrorBody },
});

/** Raw events as a download: CSV or newline-delimited JSON (not JSON answers; listed for the API reference). */
export const eventsExportRoute = route({
  method: 'GET',
  path: '/api/events/export',
  auth: 'console',
  summary: 'Raw events in the period as CSV or newline-delimited JSON, streamed.',
  query: AnalyticsFilter.extend({ format: z.enum(['csv', 'ndjson']).default('ndjson'), event: z.string().max(200).optional() }),
  responses: { 200: z.string(), 400: ApiErrorBody, 403: ApiErrorBody },
});
