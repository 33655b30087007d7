// KioskApi: everything the renderer may ask of the host. Implemented by main's IPC
// handlers (exposed by the preload) and again by the renderer's web host for plain
// Chromium. Pure TypeScript: no imports from outside electron/common.

import type { KioskSettings } from './kiosk-settings.ts';
import type { HostNotice, PackCheckReport, PackFileCandidate } from './pack-admin.ts';

export type HostMode = 'electron' | 'web';
export type Unsubscribe = () => void;

export interface DeviceIdentity {
  /** Stable per installation; never linked to a person. */
  deviceId: string;
  /** New on every start of the host process. */
  bootId: string;
  storeId: string;
  kioskName: string;
  /**
   * Milliseconds since the host process started (its monotonic clock) when this answer was
   * made. A renderer that restarts within one boot carries on from it, so an event's
   * monotonic time never goes backwards under the same bootId.
   */
  uptimeMs: number;
}

/** The active content pack as the renderer sees it: where to read it and what it is. */
export interface ActivePack {
  packId: string;
  version: string;
  /** Base URL of the pack's files, ending in "/": pack://active/… or http(s)://…/ */
  baseUrl: string;
  /** Increases on every switch, so the renderer can tell two loads of one version apart. */
  activation: number;
}

/** What the renderer found when it asked for the camera ('unknown' until it has asked). */
export type CameraAvailability = 'unknown' | 'available' | 'absent' | 'denied';

/** A pack the renderer has loaded, as it reports it back to the host. */
export interface PackRef {
  packId: string;
  version: string;
  activation: number;
}

export interface AppHealth {
  appVersion: string;
  mode: HostMode;
  platform: string;
  uptimeSec: number;
  rendererRestarts: number;
  pack: { packId: string; version: string } | null;
  /** The last pack import that failed, with a reason a merchandiser can act on. */
  lastImportError: string | null;
  /** Anything else an installer should fix (a broken settings file, a missing PIN). */
  problems: string[];
  /** As the renderer last reported it. */
  camera: CameraAvailability;
}

export type AdminUnlockResult =
  | { ok: true; expiresAt: number }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; retryAt: number }
  | { ok: false; reason: 'no-pin-set' }
  | { ok: false; reason: 'unavailable'; message: string };

export type AdminActionResult = { ok: true } | { ok: false; message: string };

export interface AdminApi {
  unlock(pin: string): Promise<AdminUnlockResult>;
  /** Ends the admin session early. */
  lock(): Promise<void>;
  /** Leaves kiosk mode and quits; only after unlock. */
  exitKiosk(): Promise<AdminActionResult>;
  /** Pack files on USB sticks and in the watched folders. */
  listPackFiles(): Promise<PackFileCandidate[]>;
  /** Checks a pack file completely without installing it. */
  checkPackFile(id: string): Promise<PackCheckReport>;
  /** Installs a checked pack file; it starts at the next idle moment. */
  installPackFile(id: string): Promise<AdminActionResult>;
  /** Goes back to the pack that was active before. */
  rollbackPack(): Promise<AdminActionResult>;
}

export type SessionState = 'idle' | 'active';

/** A prize the renderer decided and asks the host to sign: nothing about the shopper. */
export interface CouponClaim {
  campaignId: string;
  /** Percent for percent-off, minor units (fen) for amount-off, 0 for a gift. */
  reward: { kind: 'gift' | 'percent-off' | 'amount-off'; value: number };
  /** Hours the coupon stays redeemable after it is issued. */
  validHours: number;
}

export interface IssuedCoupon {
  /** The signed token (152 characters A–Z, 2–7) a QR code carries. */
  token: string;
  /** `<kioskId>-<seq>`: unique for the kiosk. */
  couponId: string;
  kioskId: string;
  keyId: string;
  /** The kiosk's coupon number: 1, 2, 3… with no gaps. */
  seq: number;
  /** Unix seconds. */
  issuedAt: number;
  /** Unix seconds. */
  expiresAt: number;
  nonce: string;
}

export type CouponIssueResult = { ok: true; coupon: IssuedCoupon } | { ok: false; message: string };

/** The kiosk's coupon public key, as tills and the backend import it. */
export interface CouponPublicKey {
  kind: 'kiosk-coupon-key';
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  kioskId: string;
  deviceId: string;
  storeId: string;
  kioskName: string;
  createdAt: string;
}

export interface CouponApi {
  /** Signs a coupon with the kiosk's key and the next coupon number. */
  issue(claim: CouponClaim): Promise<CouponIssueResult>;
  publicKey(): Promise<CouponPublicKey | null>;
}

export interface KioskApi {
  readonly mode: HostMode;
  getDeviceIdentity(): Promise<DeviceIdentity>;
  /** The kiosk's settings, defaults applied. */
  getConfig(): Promise<KioskSettings>;
  getActivePack(): Promise<ActivePack | null>;
  /** Called after the host switched packs (only while the session is idle). */
  onPackChanged(listener: (pack: ActivePack) => void): Unsubscribe;
  /** The renderer tells the host when a shopper session starts and ends, so packs switch between shoppers. */
  setSessionState(state: SessionState): Promise<void>;
  /**
   * The renderer has started: on `pack`, or with no pack to show (null). The supervisor
   * counts a stable run from here either way; the host keeps a new pack only after it.
   */
  reportReady(pack: PackRef | null): Promise<void>;
  /** The renderer cannot show the active pack; the host goes back to the previous one. */
  reportPackFailed(pack: PackRef, reason: string): Promise<void>;
  /** The camera's state changed (for the host's health); a value outside the union is refused. */
  reportCameraState(state: CameraAvailability): Promise<void>;
  /** Host notices (pack activated, import failed, rolled back) not yet acknowledged. */
  getHostNotices(): Promise<HostNotice[]>;
  /** The renderer has recorded every notice up to this id as an engagement event. */
  ackHostNotices(uptoId: number): Promise<void>;
  onHostNotice(listener: (notice: HostNotice) => void): Unsubscribe;
  getHealth(): Promise<AppHealth>;
  readonly admin: AdminApi;
  readonly coupons: CouponApi;
}
