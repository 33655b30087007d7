// IPC channel names (kiosk:<domain>:<verb>) and the argument/result types of each.
import type { KioskSettings } from './kiosk-settings.ts';
import type { HostNotice, PackCheckReport, PackFileCandidate } from './pack-admin.ts';
import type { ActivePack, AdminActionResult, AdminUnlockResult, AppHealth, CameraAvailability, CouponClaim, CouponIssueResult, CouponPublicKey, DeviceIdentity, PackRef, SessionState } from './kiosk-api.ts';

export const CHANNEL_PREFIX = 'kiosk:';

export const Channels = {
  deviceGet: 'kiosk:device:get',
  configGet: 'kiosk:config:get',
  packGetActive: 'kiosk:pack:get-active',
  packChanged: 'kiosk:pack:changed',
  sessionSet: 'kiosk:session:set',
  rendererReady: 'kiosk:renderer:ready',
  rendererPackFailed: 'kiosk:renderer:pack-failed',
  noticesGet: 'kiosk:notices:get',
  noticesAck: 'kiosk:notices:ack',
  noticeAdded: 'kiosk:notices:added',
  adminPackList: 'kiosk:admin:pack-list',
  adminPackCheck: 'kiosk:admin:pack-check',
  adminPackInstall: 'kiosk:admin:pack-install',
  adminPackRollback: 'kiosk:admin:pack-rollback',
  healthGet: 'kiosk:health:get',
  healthReportCamera: 'kiosk:health:report-camera',
  adminUnlock: 'kiosk:admin:unlock',
  adminLock: 'kiosk:admin:lock',
  adminExit: 'kiosk:admin:exit',
  couponIssue: 'kiosk:coupon:issue',
  couponPublicKey: 'kiosk:coupon:public-key',
} as const;

/** Channels the host sends on; every other channel is a request the renderer invokes. */
export const EVENT_CHANNELS: readonly string[] = [Channels.packChanged, Channels.noticeAdded];

/** Request/response channels: [arguments, result]. */
export interface InvokeContract {
  'kiosk:device:get': [[], DeviceIdentity];
  'kiosk:config:get': [[], KioskSettings];
  'kiosk:pack:get-active': [[], ActivePack | null];
  'kiosk:session:set': [[state: SessionState], void];
  'kiosk:renderer:ready': [[pack: PackRef | null], void];
  'kiosk:health:get': [[], AppHealth];
  'kiosk:health:report-camera': [[state: CameraAvailability], void];
  'kiosk:admin:unlock': [[pin: string], AdminUnlockResult];
  'kiosk:admin:lock': [[], void];
  'kiosk:admin:exit': [[], AdminActionResult];
  'kiosk:renderer:pack-failed': [[pack: PackRef, reason: string], void];
  'kiosk:notices:get': [[], HostNotice[]];
  'kiosk:notices:ack': [[uptoId: number], void];
  'kiosk:admin:pack-list': [[], PackFileCandidate[]];
  'kiosk:admin:pack-check': [[id: string], PackCheckReport];
  'kiosk:admin:pack-install': [[id: string], AdminActionResult];
  'kiosk:admin:pack-rollback': [[], AdminActionResult];
  'kiosk:coupon:issue': [[claim: CouponClaim], CouponIssueResult];
  'kiosk:coupon:public-key': [[], CouponPublicKey | null];
}
export type InvokeChannel = keyof InvokeContract;
export type InvokeArgs<C extends InvokeChannel> = InvokeContract[C][0];
export type InvokeResult<C extends InvokeChannel> = InvokeContract[C][1];

/** Host → renderer events. */
export interface EventContract {
  'kiosk:pack:changed': ActivePack;
  'kiosk:notices:added': HostNotice;
}
export type EventChannel = keyof EventContract;

/** Every camera state, checked complete by the compiler, so an unknown word is refused. */
const CAMERA_STATES = { unknown: true, available: true, absent: true, denied: true } satisfies Record<CameraAvailability, true>;

export function isCameraAvailability(value: unknown): value is CameraAvailability {
  return typeof value === 'string' && Object.hasOwn(CAMERA_STATES, value);
}

/**
 * Checks the untrusted arguments a renderer sent on a channel. Returns the arguments
 * typed, or null when they do not have the shape the channel expects.
 */
export function parseInvokeArgs<C extends InvokeChannel>(channel: C, args: unknown[]): InvokeArgs<C> | null {
  const none = args.length === 0 ? ([] as unknown as InvokeArgs<C>) : null;
  switch (channel) {
    case 'kiosk:device:get':
    case 'kiosk:config:get':
    case 'kiosk:pack:get-active':
    case 'kiosk:health:get':
    case 'kiosk:admin:lock':
    case 'kiosk:admin:exit':
    case 'kiosk:notices:get':
    case 'kiosk:admin:pack-list':
    case 'kiosk:admin:pack-rollback':
    case 'kiosk:coupon:public-key':
      return none;
    case 'kiosk:session:set':
      return args.length === 1 && (args[0] === 'idle' || args[0] === 'active') ? (args as InvokeArgs<C>) : null;
    case 'kiosk:admin:unlock':
      return args.length === 1 && typeof args[0] === 'string' && /^\d{4,12}$/.test(args[0]) ? (args as InvokeArgs<C>) : null;
    case 'kiosk:renderer:ready':
      return args.length === 1 && (args[0] === null || isPackRef(args[0])) ? (args as InvokeArgs<C>) : null;
    case 'kiosk:health:report-camera':
      return args.length === 1 && isCameraAvailability(args[0]) ? (args as InvokeArgs<C>) : null;
    case 'kiosk:renderer:pack-failed':
      return args.length === 2 && isPackRef(args[0]) && typeof args[1] === 'string' && args[1].length <= 2000 ? (args as InvokeArgs<C>) : null;
    case 'kiosk:notices:ack':
      return args.length === 1 && Number.isInteger(args[0]) ? (args as InvokeArgs<C>) : null;
    case 'kiosk:admin:pack-check':
    case 'kiosk:admin:pack-install':
      return args.length === 1 && typeof args[0] === 'string' && /^[0-9a-f]{16}$/.test(args[0]) ? (args as InvokeArgs<C>) : null;
    case 'kiosk:coupon:issue':
      return args.length === 1 && isCouponClaim(args[0]) ? (args as InvokeArgs<C>) : null;
    default:
      return null;
  }
}

/** The shape of a coupon claim (main checks the values again before signing). */
function isCouponClaim(value: unknown): value is CouponClaim {
  const c = value as Record<string, unknown> | null;
  if (c === null || typeof c !== 'object' || Object.keys(c).length !== 3) return false;
  const reward = c.reward as Record<string, unknown> | null;
  return (
    typeof c.campaignId === 'string' && c.campaignId.length <= 64 &&
    Number.isInteger(c.validHours) &&
    reward !== null && typeof reward === 'object' && Object.keys(reward).length === 2 &&
    (reward.kind === 'gift' || reward.kind === 'percent-off' || reward.kind === 'amount-off') &&
    Number.isInteger(reward.value)
  );
}

function isPackRef(value: unknown): value is PackRef {
  const p = value as Record<string, unknown> | null;
  return p !== null && typeof p === 'object' && typeof p.packId === 'string' && typeof p.version === 'string' && Number.isInteger(p.activation);
}
