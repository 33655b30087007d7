// POST /v1/enrol: a kiosk joins the hub once, with a one-time code made in the console
// or a pre-seeded enrolment token from its settings (mass roll-out), and gets its own
// revocable credential. It registers what the hub needs to know of it: device id,
// store, name, app version and the public key its coupons are signed with.
//
// The code or token is the request's credential, sent like every other credential in
// the Authorization header (`Bearer K7Q2-M9XD` or `Bearer et_…`), so the hub checks it
// before it reads the body.
import { z } from 'zod';
import { CouponPublicKeyRecord } from '../coupon/coupon-records.ts';
import { TrustedKey } from '../kiosk-config.ts';
import { ApiErrorBody } from './errors.ts';
import { route } from './route.ts';

/** Store ids: what the kiosk settings and the console use. */
export const StoreId = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'letters, digits, dot, dash and underscore' });
export const DeviceId = z.string().min(8).max(100).regex(/^[A-Za-z0-9-]+$/);

/** A one-time code as a person reads it off the console and types it: 8 characters, a dash allowed. */
export const ENROLMENT_CODE = /^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/;

export const EnrolRequest = z.strictObject({
  deviceId: DeviceId,
  /** The store the kiosk's settings name; a code made for a store overrides it. */
  storeId: StoreId.optional(),
  kioskName: z.string().max(80).optional(),
  appVersion: z.string().max(40),
  platform: z.string().max(40),
  couponKey: CouponPublicKeyRecord.nullable(),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({
  /** The kiosk's own credential (`kt_…`): sent as a Bearer token (or a Basic user name) on every kiosk route. */
  token: z.string(),
  deviceId: DeviceId,
  storeId: StoreId,
  kioskName: z.string(),
  enrolledAt: z.string(),
  /** Keys the hub's content packs are signed with: the kiosk trusts them for packs from this hub. */
  packKeys: z.array(TrustedKey).optional(),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const enrolRoute = route({
  method: 'POST',
  path: '/v1/enrol',
  auth: 'enrolment',
  summary: 'A kiosk enrols with a one-time code or an enrolment token (as its Bearer credential) and gets its own credential.',
  body: EnrolRequest,
  responses: { 200: EnrolResponse, 400: ApiErrorBody, 401: ApiErrorBody, 409: ApiErrorBody, 429: ApiErrorBody, 503: ApiErrorBody },
});
