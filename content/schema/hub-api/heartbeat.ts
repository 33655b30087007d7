// POST /v1/heartbeat: what a kiosk says about itself every minute, for the fleet page,
// its history plots and the alerts. Nothing about shoppers: counts, states and times.
import { z } from 'zod';
import { ApiErrorBody } from './errors.ts';
import { KioskPackNews } from './pack.ts';
import { route } from './route.ts';

export const CameraState = z.enum(['unknown', 'available', 'absent', 'denied']);
export const ScannerState = z.enum(['none', 'keyboard', 'hid-connected']);

export const OutboxReport = z.object({
  /** Events waiting to be sent. */
  depth: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** Age of the oldest unsent event, or null when nothing waits. */
  oldestUnsentAgeMs: z.number().nonnegative().nullable(),
  /** Last time the hub (or collector) took a batch, epoch ms. */
  lastSuccessAt: z.number().nullable(),
  shedTotal: z.number().int().nonnegative(),
  quarantinedTotal: z.number().int().nonnegative(),
});
export type OutboxReport = z.infer<typeof OutboxReport>;

/** Where the kiosk app's self-update stands. */
export const AppUpdateState = z.enum(['off', 'idle', 'checking', 'downloading', 'ready', 'installing', 'failed', 'rolled-back']);
export type AppUpdateState = z.infer<typeof AppUpdateState>;

export const AppUpdateReport = z.object({
  state: AppUpdateState,
  currentVersion: z.string().max(40),
  /** The version on offer, being fetched, ready, being installed, or the one that was gone back from. */
  availableVersion: z.string().max(40).nullable(),
  /** Of the download, while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  /** Why it is off, what it waits for, why it failed or went back: a sentence an operator can act on. */
  message: z.string().max(500).nullable(),
  /** The last look at the update feed, epoch ms. */
  lastCheckAt: z.number().nullable(),
});
export type AppUpdateReport = z.infer<typeof AppUpdateReport>;

export const Heartbeat = z.object({
  /** The kiosk's clock when it sent this (the hub keeps its own time too). */
  sentAt: z.string(),
  appVersion: z.string().max(40),
  mode: z.enum(['electron', 'web']),
  platform: z.string().max(40),
  bootId: z.string().max(100),
  uptimeSec: z.number().nonnegative(),
  pack: z.object({ packId: z.string().max(100), version: z.string().max(100) }).nullable(),
  /** The last pack import that failed, as the admin screen shows it. */
  packProblem: z.string().max(2000).nullable(),
  /** Times the screen was reloaded after a crash or a hang, since the app started. */
  rendererRestarts: z.number().int().nonnegative(),
  /** Of those, how many were crashes (the renderer process died). */
  rendererCrashes: z.number().int().nonnegative(),
  /** Content packs the kiosk went back from by itself or on an admin's word, since the app started. */
  packRollbacks: z.number().int().nonnegative(),
  camera: CameraState,
  scanner: ScannerState,
  /** Null when the renderer has not reported yet (it reports every heartbeat). */
  outbox: OutboxReport.nullable(),
  /** The renderer's JS heap in use, bytes. */
  jsHeapBytes: z.number().nonnegative().nullable(),
  /** Frames per second the screen drew over the last minute. */
  fps: z.number().nonnegative().nullable(),
  /** When a shopper last touched, scanned or waved, epoch ms (null: not since the app started). */
  lastInteractionAt: z.number().nullable(),
  session: z.enum(['idle', 'active']),
  /** The app's self-update (null from kiosks that do not update themselves, e.g. browser mode). */
  update: AppUpdateReport.nullable().default(null),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const HeartbeatResponse = z.object({
  /** The hub's clock, epoch ms: the kiosk can tell how far its own is off. */
  serverTime: z.number(),
  /** Commands waiting for this kiosk: it asks for them at once instead of at the next poll. */
  commandsWaiting: z.number().int().nonnegative(),
  /** The pack the hub assigns and the keys to trust for it (absent from hubs that do not hand out packs). */
  packs: KioskPackNews.optional(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;

export const heartbeatRoute = route({
  method: 'POST',
  path: '/v1/heartbeat',
  auth: 'kiosk',
  summary: "A kiosk's health, every minute.",
  body: Heartbeat,
  responses: { 200: HeartbeatResponse, 400: ApiErrorBody, 401: ApiErrorBody, 429: ApiErrorBody, 503: ApiErrorBody },
});
