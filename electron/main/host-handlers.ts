// What main answers on each KioskApi call. Typed as HostHandlers, which follows from
// the declaration in electron/common/kiosk-api.ts: a missing or mistyped handler does
// not compile.
import type { RendererReports } from '../common/hub-agent/heartbeat-body.ts';
import type { HubAgent } from '../common/hub-agent/hub-agent.ts';
import type { AppHealth, DeviceIdentity, FrameTick, HostHandlers, RendererLogLine, SessionState } from '../common/kiosk-api.ts';
import type { KioskSettings } from '../common/kiosk-settings.ts';
import type { AdminGate } from './admin-pin.ts';
import type { CouponGuard } from './coupon-guard.ts';
import type { CouponIssuer } from './coupon-keys.ts';
import type { PackFileFinder } from './pack-files.ts';
import type { PackService } from './pack-service.ts';

/**
 * Only the parts of each service the handlers use, so tests hand in small fakes and
 * the real services are what main passes.
 */
export interface HostContext {
  identity: Omit<DeviceIdentity, 'uptimeMs'>;
  /** The host's monotonic clock: ms since this process started. */
  uptimeMs: () => number;
  config: KioskSettings;
  problems: () => string[];
  packs: Pick<
    PackService,
    'active' | 'setSessionState' | 'rendererReady' | 'rendererFailed' | 'pendingNotices' | 'ackNotices' | 'lastImportError' | 'check' | 'importFile' | 'rollback'
  >;
  packFiles: Pick<PackFileFinder, 'list' | 'resolve'>;
  gate: Pick<AdminGate, 'unlock' | 'lock' | 'isUnlocked'>;
  coupons: CouponIssuer;
  couponGuard: Pick<CouponGuard, 'admit'>;
  appVersion: string;
  startedAt: number;
  rendererRestarts: () => number;
  /** What the renderer last reported (camera, session, its part of the heartbeat); the hub agent reads it too. */
  reports: RendererReports;
  hub: Pick<HubAgent, 'status' | 'enrol' | 'eventsTarget'>;
  /** The renderer came up, with or without a pack: the supervisor's stable run starts. */
  onRendererReady: () => void;
  /** A shopper session started or ended (updates and the nightly restart wait for an empty screen). */
  onSessionState: (state: SessionState) => void;
  /** The renderer drew a frame, or its page was hidden: the freeze detector. */
  onFrame: (tick: FrameTick) => void;
  /** A line from the renderer for the log file (main rate-limits and redacts it). */
  onRendererLog: (line: RendererLogLine) => void;
  quit: () => void;
}

export function createHostHandlers(ctx: HostContext): HostHandlers {
  const { reports } = ctx;
  const unlockedFile = (id: string) => (ctx.gate.isUnlocked() ? ctx.packFiles.resolve(id) : null);
  return {
    getDeviceIdentity: async () => ({ ...ctx.identity, uptimeMs: ctx.uptimeMs() }),
    getConfig: async () => ctx.config,
    getActivePack: async () => ctx.packs.active(),
    setSessionState: async (state) => {
      reports.session = state;
      ctx.onSessionState(state);
      await ctx.packs.setSessionState(state);
    },
    reportFrame: async (tick) => ctx.onFrame(tick),
    log: async (line) => ctx.onRendererLog(line),
    reportReady: async (pack) => {
      ctx.onRendererReady();
      if (pack) await ctx.packs.rendererReady(pack);
    },
    reportPackFailed: (pack, reason) => ctx.packs.rendererFailed(pack, reason),
    // The renderer alone opens the camera: its word is the camera's state.
    reportCameraState: async (state) => {
      reports.camera = state;
    },
    reportRendererHealth: async (snapshot) => {
      reports.health = snapshot;
    },
    getHostNotices: async () => ctx.packs.pendingNotices(),
    ackHostNotices: async (uptoId) => ctx.packs.ackNotices(uptoId),
    getHealth: async (): Promise<AppHealth> => {
      const active = ctx.packs.active();
      return {
        appVersion: ctx.appVersion,
        mode: 'electron',
        platform: process.platform,
        uptimeSec: Math.round((Date.now() - ctx.startedAt) / 1000),
        rendererRestarts: ctx.rendererRestarts(),
        pack: active ? { packId: active.packId, version: active.version } : null,
        lastImportError: ctx.packs.lastImportError(),
        problems: ctx.problems(),
        camera: reports.camera,
      };
    },
    admin: {
      unlock: (pin) => ctx.gate.unlock(pin),
      lock: async () => ctx.gate.lock(),
      listPackFiles: async () => (ctx.gate.isUnlocked() ? ctx.packFiles.list() : []),
      checkPackFile: async (id) => {
        const file = unlockedFile(id);
        if (!file) return { ok: false, code: 'not-found', message: 'Unlock the admin screen and pick a pack file from the list.', problems: [] };
        return ctx.packs.check(file);
      },
      installPackFile: async (id) => {
        const file = unlockedFile(id);
        if (!file) return { ok: false, message: 'Unlock the admin screen and pick a pack file from the list.' };
        return (await ctx.packs.importFile(file, 'admin')) ? { ok: true } : { ok: false, message: ctx.packs.lastImportError() ?? 'The pack was not installed.' };
      },
      rollbackPack: async () => {
        if (!ctx.gate.isUnlocked()) return { ok: false, message: 'Unlock the admin screen with the PIN first.' };
        return (await ctx.packs.rollback('rolled back from the admin screen')) ? { ok: true } : { ok: false, message: 'There is no previous pack to go back to.' };
      },
      exitKiosk: async () => {
        if (!ctx.gate.isUnlocked()) return { ok: false, message: 'Unlock the admin screen with the PIN first.' };
        ctx.quit();
        return { ok: true };
      },
    },
    hub: {
      status: async () => ctx.hub.status(),
      enrol: async (code) => {
        if (!ctx.gate.isUnlocked()) return { ok: false, message: 'Unlock the admin screen with the PIN first.' };
        return ctx.hub.enrol(code);
      },
      eventsTarget: async () => ctx.hub.eventsTarget(),
    },
    coupons: {
      issue: async (claim) => {
        const refused = await ctx.couponGuard.admit(claim).catch((err: Error) => `the active pack's campaigns cannot be read: ${err.message}`);
        return refused ? { ok: false, message: `Coupon not signed: ${refused}.` } : ctx.coupons.issue(claim);
      },
      publicKey: async () => ctx.coupons.publicKey(),
    },
  };
}
