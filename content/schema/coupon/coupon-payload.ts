// The fields of a coupon token and their fixed binary layout. Version 1 is 31 bytes,
// signed with Ed25519 (64 bytes) and written as base32: 152 characters, which fit a
// version-6 QR code at error correction M (154 alphanumeric characters). Nothing in it
// says anything about the shopper.
//
//   offset size field
//        0    1 version (1)
//        1    4 keyId      first 4 bytes of the signing key's id
//        5    4 kioskId    first 4 bytes of SHA-256(device id)
//        9    4 campaign   first 4 bytes of SHA-256(campaign id)
//       13    4 seq        per-kiosk coupon number, 1, 2, 3…
//       17    4 issuedAt   Unix seconds
//       21    2 validHours the coupon expires issuedAt + validHours
//       23    1 reward kind (0 gift, 1 percent off, 2 amount off)
//       24    3 reward value (percent, or minor units such as fen; 0 for a gift)
//       27    4 nonce      random

export const COUPON_VERSION = 1;
export const PAYLOAD_BYTES = 31;
export const SIGNATURE_BYTES = 64;
export const TOKEN_BYTES = PAYLOAD_BYTES + SIGNATURE_BYTES;

export type RewardKind = 'gift' | 'percent-off' | 'amount-off';
const REWARD_CODES: readonly RewardKind[] = ['gift', 'percent-off', 'amount-off'];

export interface CouponReward {
  kind: RewardKind;
  /** Percent for percent-off, minor units (fen) for amount-off, 0 for a gift. */
  value: number;
}

export interface CouponFields {
  version: number;
  /** 8 hex digits: the start of the signing key's 16-digit id. */
  keyTag: string;
  /** 8 hex digits naming the kiosk (SHA-256 of its device id). */
  kioskId: string;
  /** 8 hex digits naming the campaign (SHA-256 of its id). */
  campaignTag: string;
  seq: number;
  /** Unix seconds. */
  issuedAt: number;
  validHours: number;
  reward: CouponReward;
  /** 8 hex digits. */
  nonce: string;
}

export const MAX_REWARD_VALUE = 0xffffff;
export const MAX_VALID_HOURS = 0xffff;

const HEX8 = /^[0-9a-f]{8}$/;

/** When the coupon stops being redeemable, in Unix seconds. */
export const expiresAtOf = (fields: Pick<CouponFields, 'issuedAt' | 'validHours'>): number => fields.issuedAt + fields.validHours * 3600;

/** What is wrong with the fields, or null when they fit the layout. */
export function fieldProblem(f: CouponFields): string | null {
  if (f.version !== COUPON_VERSION) return `version must be ${COUPON_VERSION}`;
  for (const [name, value] of [['keyTag', f.keyTag], ['kioskId', f.kioskId], ['campaignTag', f.campaignTag], ['nonce', f.nonce]] as const) {
    if (!HEX8.test(value)) return `${name} must be 8 lower-case hex digits`;
  }
  const uint = (v: number, max: number) => Number.isInteger(v) && v >= 0 && v <= max;
  if (!uint(f.seq, 0xffffffff) || f.seq === 0) return 'seq must be a whole number from 1 to 4294967295';
  if (!uint(f.issuedAt, 0xffffffff)) return 'issuedAt must be Unix seconds';
  if (!uint(f.validHours, MAX_VALID_HOURS) || f.validHours === 0) return `validHours must be 1–${MAX_VALID_HOURS}`;
  if (!REWARD_CODES.includes(f.reward.kind)) return 'unknown reward kind';
  if (!uint(f.reward.value, MAX_REWARD_VALUE)) return `reward value must be 0–${MAX_REWARD_VALUE}`;
  if (f.reward.kind === 'percent-off' && (f.reward.value < 1 || f.reward.value > 99)) return 'percent off must be 1–99';
  if (f.reward.kind === 'gift' && f.reward.value !== 0) return 'a gift has no value';
  return null;
}

const hexToBytes = (hex: string) => Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
export const bytesToHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function encodePayload(fields: CouponFields): Uint8Array {
  const problem = fieldProblem(fields);
  if (problem) throw new RangeError(`coupon fields do not fit: ${problem}`);
  const out = new Uint8Array(PAYLOAD_BYTES);
  const view = new DataView(out.buffer);
  out[0] = fields.version;
  out.set(hexToBytes(fields.keyTag), 1);
  out.set(hexToBytes(fields.kioskId), 5);
  out.set(hexToBytes(fields.campaignTag), 9);
  view.setUint32(13, fields.seq);
  view.setUint32(17, fields.issuedAt);
  view.setUint16(21, fields.validHours);
  view.setUint32(23, REWARD_CODES.indexOf(fields.reward.kind) * 0x1000000 + fields.reward.value);
  out.set(hexToBytes(fields.nonce), 27);
  return out;
}

export type PayloadResult = { ok: true; fields: CouponFields } | { ok: false; reason: 'malformed' | 'unsupported-version'; detail: string };

export function decodePayload(payload: Uint8Array): PayloadResult {
  if (payload.length < 1) return { ok: false, reason: 'malformed', detail: 'the token is empty' };
  if (payload[0] !== COUPON_VERSION) return { ok: false, reason: 'unsupported-version', detail: `token version ${payload[0]} is not known (this tool reads version ${COUPON_VERSION})` };
  if (payload.length !== PAYLOAD_BYTES) return { ok: false, reason: 'malformed', detail: `the token holds ${payload.length} bytes of fields, expected ${PAYLOAD_BYTES}` };
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const kind = REWARD_CODES[payload[23]!];
  if (!kind) return { ok: false, reason: 'malformed', detail: `unknown reward kind ${payload[23]}` };
  const fields: CouponFields = {
    version: COUPON_VERSION,
    keyTag: bytesToHex(payload.subarray(1, 5)),
    kioskId: bytesToHex(payload.subarray(5, 9)),
    campaignTag: bytesToHex(payload.subarray(9, 13)),
    seq: view.getUint32(13),
    issuedAt: view.getUint32(17),
    validHours: view.getUint16(21),
    reward: { kind, value: view.getUint32(23) & 0xffffff },
    nonce: bytesToHex(payload.subarray(27, 31)),
  };
  const problem = fieldProblem(fields);
  return problem ? { ok: false, reason: 'malformed', detail: problem } : { ok: true, fields };
}
