// The values that cross the host boundary besides packs (pack-admin.ts) and settings
// (content/schema's KioskConfig): identity, the active pack, health, admin answers and
// coupons. Schemas first; each type follows from its schema.
import { z } from 'zod';
import { CouponClaimRecord, CouponPublicKeyRecord, SignedCouponRecord } from '../../content/schema/coupon/coupon-records.ts';

export const HostMode = z.enum(['electron', 'web']);
export type HostMode = z.infer<typeof HostMode>;

export const DeviceIdentity = z.object({
  /** Stable per installation; never linked to a person. */
  deviceId: z.string(),
  /** New on every start of the host process. */
  bootId: z.string(),
  storeId: z.string(),
  kioskName: z.string(),
  /**
   * Milliseconds since the host process started (its monotonic clock) when this answer was
   * made. A renderer that restarts within one boot carries on from it, so an event's
   * monotonic time never goes backwards under the same bootId.
   */
  uptimeMs: z.number(),
});
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;

/** The active content pack as the renderer sees it: where to read it and what it is. */
export const ActivePack = z.object({
  packId: z.string(),
  version: z.string(),
  /** Base URL of the pack's files, ending in "/": pack://active/… or http(s)://…/ */
  baseUrl: z.string(),
  /** Increases on every switch, so the renderer can tell two loads of one version apart. */
  activation: z.number().int(),
});
export type ActivePack = z.infer<typeof ActivePack>;

/** A pack the renderer has loaded, as it reports it back to the host. */
export const PackRef = z.object({ packId: z.string().max(200), version: z.string().max(200), activation: z.number().int() });
export type PackRef = z.infer<typeof PackRef>;

/** What the renderer found when it asked for the camera ('unknown' until it has asked). */
export const CameraAvailability = z.enum(['unknown', 'available', 'absent', 'denied']);
export type CameraAvailability = z.infer<typeof CameraAvailability>;

export const SessionState = z.enum(['idle', 'active']);
export type SessionState = z.infer<typeof SessionState>;

export const AppHealth = z.object({
  appVersion: z.string(),
  mode: HostMode,
  platform: z.string(),
  uptimeSec: z.number(),
  rendererRestarts: z.number(),
  pack: z.object({ packId: z.string(), version: z.string() }).nullable(),
  /** The last pack import that failed, with a reason a merchandiser can act on. */
  lastImportError: z.string().nullable(),
  /** Anything else an installer should fix (a broken settings file, a missing PIN). */
  problems: z.array(z.string()),
  /** As the renderer last reported it. */
  camera: CameraAvailability,
});
export type AppHealth = z.infer<typeof AppHealth>;

/** An admin PIN as typed on the PIN pad: 4–12 digits. */
export const AdminPin = z.string().regex(/^\d{4,12}$/);

export const AdminUnlockResult = z.union([
  z.object({ ok: z.literal(true), expiresAt: z.number() }),
  z.object({ ok: z.literal(false), reason: z.literal('wrong-pin'), attemptsLeft: z.number() }),
  z.object({ ok: z.literal(false), reason: z.literal('locked'), retryAt: z.number() }),
  z.object({ ok: z.literal(false), reason: z.literal('no-pin-set') }),
  z.object({ ok: z.literal(false), reason: z.literal('unavailable'), message: z.string() }),
]);
export type AdminUnlockResult = z.infer<typeof AdminUnlockResult>;

export const AdminActionResult = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), message: z.string() })]);
export type AdminActionResult = z.infer<typeof AdminActionResult>;

export const CouponClaim = CouponClaimRecord;
export type CouponClaim = z.infer<typeof CouponClaim>;

export const IssuedCoupon = SignedCouponRecord;
export type IssuedCoupon = z.infer<typeof IssuedCoupon>;

export const CouponIssueResult = z.union([z.object({ ok: z.literal(true), coupon: IssuedCoupon }), z.object({ ok: z.literal(false), message: z.string() })]);
export type CouponIssueResult = z.infer<typeof CouponIssueResult>;

export const CouponPublicKey = CouponPublicKeyRecord;
export type CouponPublicKey = z.infer<typeof CouponPublicKey>;
