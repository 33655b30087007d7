// What may reach a log file: nothing personal, no scanned text, no camera data, no secret.
// Every line the kiosk writes passes through here, from main and from the renderer.
//
// Two layers. By name: fields that carry a scanned code, a picture or a credential are
// dropped whatever their value. By shape: in any text, runs of digits long enough to be
// a barcode (GTIN, EAN, UPC, a phone number), GS1 element strings, web addresses' paths
// and queries (a QR code's URL, a GS1 Digital Link), e-mail addresses, tokens and long
// base64 (an encoded image) are replaced by a marker saying what was there.

/** Field names whose values never reach a log: scanned text, pictures, credentials, shopper ids. */
const DROPPED_FIELDS = new Set(
  [
    'code',
    'codes',
    'barcode',
    'rawcode',
    'rawvalue',
    'raw',
    'scan',
    'scanned',
    'scantext',
    'text',
    'gtin',
    'ean',
    'upc',
    'qr',
    'digits',
    'keys',
    'typed',
    'input',
    'frame',
    'frames',
    'image',
    'imagedata',
    'pixels',
    'bitmap',
    'video',
    'photo',
    'picture',
    'screenshot',
    'base64',
    'jpeg',
    'data',
    'token',
    'writekey',
    'authorization',
    'cookie',
    'password',
    'pin',
    'secret',
    'credential',
    'enrolmenttoken',
    'anonymousid',
    'sessionid',
    'email',
    'phone',
  ].map((name) => name.toLowerCase()),
);

const MAX_TEXT = 2_000;
const MAX_DEPTH = 4;
const MAX_KEYS = 40;

const RULES: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  // data: URLs (an encoded picture) first, before the URL rule sees them.
  [/data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g, '[data-url]'],
  // Our own schemes keep their path (app://kiosk/index.html, pack://active/media/a.webp);
  // any other address keeps only its origin: a QR code's path or query is a scanned text.
  [/\b((?:https?|wss?|ftp):\/\/[^\s/?#"'<>]+)[^\s"'<>]*/gi, (_m, origin: string) => `${origin}/…`],
  // Bounded parts, so a long run of letters without an @ costs a single pass.
  [/[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g, '[email]'],
  // The project's own credentials (kiosk, enrolment, till, personal access tokens) and bearer values.
  [/\b(?:kt|et|tl|pt)_[A-Za-z0-9_.-]{6,}/g, '[secret]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [secret]'],
  // Long base64 or hex runs: an image, a key, a signature.
  [/[A-Za-z0-9+/]{48,}={0,2}/g, '[binary]'],
  // GS1 element strings in their human-readable form: (01)09506000134352(10)ABC…
  [/\(\d{2,4}\)[^\s()]*(?:\(\d{2,4}\)[^\s()]*)*/g, '[gs1]'],
  // A barcode, a phone number: six or more digits, spaces or dashes between them allowed.
  // A date (2026-12-07) is left as it is.
  [/\d(?:[ -]?\d){5,}/g, (digits: string) => (/^\d{4}-\d{2}-\d{2}$/.test(digits) ? digits : '[digits]')],
];

/** A text with everything that could be a scanned code, a picture, a person or a secret replaced by a marker. */
export function redactText(text: string): string {
  let out = text.length > MAX_TEXT * 2 ? text.slice(0, MAX_TEXT * 2) : text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement as string);
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
}

function isBinary(value: unknown): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer || (typeof Blob !== 'undefined' && value instanceof Blob);
}

/**
 * A value made safe to log: dropped fields replaced by "[redacted]", binary by its size,
 * errors as their type, message and stack (each redacted), texts redacted, depth and
 * width bounded.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return redactText(value.toString());
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (isBinary(value)) return '[binary]';
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: redactText(value.message) };
    if (value.stack) out.stack = redactText(value.stack);
    const code = (value as { code?: unknown }).code;
    // An error's `code` is its kind (ENOENT, hash-mismatch), never a barcode: kept when it looks like one.
    if (typeof code === 'string' && /^[A-Za-z_][\w.-]{0,40}$/.test(code)) out.code = code;
    if (value.cause !== undefined && depth < MAX_DEPTH) out.cause = redactValue(value.cause, depth + 1);
    return out;
  }
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((item) => redactValue(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  let keys = 0;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (++keys > MAX_KEYS) {
      out['…'] = 'more fields left out';
      break;
    }
    out[key] = DROPPED_FIELDS.has(key.toLowerCase()) ? '[redacted]' : redactValue(item, depth + 1);
  }
  return out;
}

/** Fields made safe to log (see redactValue), always an object. */
export function redactFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  const out = redactValue(fields);
  return out && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}
