// A HostContext of small fakes for unit tests of the IPC handlers: it records what the
// handlers asked the services to do (quit, install, roll back…), so a test can assert
// what happened to the kiosk rather than which function ran.
import { DEFAULT_KIOSK_CONFIG } from '../../../content/schema/kiosk-config.ts';
import { newRendererReports } from '../../common/hub-agent/heartbeat-body.ts';
import type { HubStatus } from '../../common/hub-agent/hub-payloads.ts';
import type { FrameTick, PackRef, RendererLogLine } from '../../common/kiosk-api.ts';
import type { PackFileCandidate, PackSource } from '../../common/pack-admin.ts';
import type { HostContext } from '../host-handlers.ts';

/** The one pack file the fake finder lists, as if on a USB stick. */
export const STICK_PACK: PackFileCandidate = { id: '0123456789abcdef', name: 'spring.kpack', folder: '/media/kiosk/USB', size: 1024, modifiedAt: '2026-03-01T08:00:00.000Z' };
export const STICK_PACK_FILE = '/media/kiosk/USB/spring.kpack';

export interface HostRecord {
  quits: number;
  installed: { file: string; source: PackSource }[];
  rolledBack: string[];
  checked: string[];
  listed: number;
  /** Packs the pack service was told the renderer started on. */
  packsConfirmed: PackRef[];
  /** Times the renderer said it came up (with or without a pack). */
  rendererReady: number;
  /** Codes the hub agent was asked to enrol with. */
  enrolments: string[];
  /** Frame ticks and log lines the renderer sent. */
  frames: FrameTick[];
  rendererLines: RendererLogLine[];
}

/** A hub agent that is set up but not enrolled. */
export const NOT_ENROLLED: HubStatus = {
  state: 'not-enrolled',
  hubUrl: 'https://hub.example.com/',
  storeId: null,
  kioskName: null,
  enrolledAt: null,
  lastHeartbeatAt: null,
  lastError: null,
  lastCommand: null,
};

const lockedGate: HostContext['gate'] = {
  unlock: async () => ({ ok: false, reason: 'no-pin-set' }),
  lock: () => undefined,
  isUnlocked: () => false,
};

export function fakeHostContext(overrides: Partial<HostContext> = {}): { ctx: HostContext; record: HostRecord } {
  const record: HostRecord = { quits: 0, installed: [], rolledBack: [], checked: [], listed: 0, packsConfirmed: [], rendererReady: 0, enrolments: [], frames: [], rendererLines: [] };
  const ctx: HostContext = {
    identity: { deviceId: 'device-1', bootId: 'boot-1', storeId: 'sh-001', kioskName: 'Window 1' },
    uptimeMs: () => 90_000,
    config: DEFAULT_KIOSK_CONFIG,
    problems: () => [],
    packs: {
      active: () => null,
      setSessionState: async () => undefined,
      rendererReady: async (pack) => void record.packsConfirmed.push(pack),
      rendererFailed: async () => undefined,
      pendingNotices: () => [],
      ackNotices: () => undefined,
      lastImportError: () => null,
      check: async (file) => {
        record.checked.push(file);
        return { ok: true, packId: 'spring', version: '2.0.0', title: '春季', productCount: 3, validTo: null };
      },
      importFile: async (file, source) => {
        record.installed.push({ file, source });
        return true;
      },
      rollback: async (reason) => {
        record.rolledBack.push(reason);
        return true;
      },
    },
    packFiles: {
      list: async () => {
        record.listed += 1;
        return [STICK_PACK];
      },
      resolve: (id) => (id === STICK_PACK.id ? STICK_PACK_FILE : null),
    },
    gate: lockedGate,
    coupons: {
      issue: async () => ({ ok: false, message: 'no coupons in this test' }),
      publicKey: () => ({ kind: 'kiosk-coupon-key', keyId: 'k', publicKey: '', kioskId: 'kiosk', deviceId: 'device-1', storeId: 'sh-001', kioskName: 'Window 1', createdAt: '2026-01-01T00:00:00.000Z' }),
    },
    couponGuard: { admit: async () => null },
    appVersion: '1.0.0-test',
    startedAt: Date.now(),
    rendererRestarts: () => 0,
    reports: newRendererReports(),
    hub: {
      status: () => NOT_ENROLLED,
      enrol: async (code) => {
        record.enrolments.push(code);
        return { ok: false, message: 'This enrolment code is not valid or has expired.' };
      },
      eventsTarget: () => null,
    },
    onRendererReady: () => void (record.rendererReady += 1),
    onSessionState: () => undefined,
    onFrame: (tick) => void record.frames.push(tick),
    onRendererLog: (line) => void record.rendererLines.push(line),
    quit: () => void (record.quits += 1),
    ...overrides,
  };
  return { ctx, record };
}
