// Reads one kiosk upload (POST /v1/batch) into what the store writes: inflated within the
// 500 KB bound (a compression bomb fills nothing), parsed with prototype poisoning
// refused, its envelope checked against the declared schema, and each message checked
// on its own — one bad event is rejected alone and the rest are kept — and what storing
// each one needs from its properties worked out (message-facts.ts), so the properties go
// no further. Pure and plain data in and out, so it runs on a worker thread as well as inline.
import { gunzipSync } from 'node:zlib';
import secureJson from 'secure-json-parse';
import { BatchRequest } from '../../../content/schema/hub-api/batch.ts';
import { checkTrackMessage, MAX_BATCH_BYTES, type TrackMessage } from '../../../content/schema/hub-api/track-message.ts';
import { planProblem } from '../../../content/schema/events/plan-check.ts';
import type { AcceptedMessage, RejectedMessage } from '../../store/queries/ingest.ts';
import { messageFacts } from '../../store/queries/message-facts.ts';
import { parseUtf8Json } from './utf8-json.ts';

/** The JSON of one upload may be this large once inflated (the batch bound plus its wrapping). */
export const INGEST_BODY_LIMIT = MAX_BATCH_BYTES + 64 * 1024;
/** The most messages one upload may carry. */
export const MAX_MESSAGES = 2_000;

/** What the kiosk is told about one message, in the order sent. */
export type Verdict = { kind: 'accepted'; messageId: string } | { kind: 'rejected'; messageId: string | null; reason: string };

export type ReadUpload =
  | { ok: true; accepted: AcceptedMessage[]; rejected: RejectedMessage[]; verdicts: Verdict[] }
  /** The whole upload is refused: the HTTP status, code and message to answer with. */
  | { ok: false; status: number; code: string; message: string };

type Refusal = Extract<ReadUpload, { ok: false }>;
const refuse = (status: number, code: string, message: string): Refusal => ({ ok: false, status, code, message });

/** The upload's JSON bytes, inflated, or why not. */
export function uploadBytes(encoding: string | undefined, body: Uint8Array): Buffer | Refusal {
  const kind = (encoding ?? 'identity').trim().toLowerCase();
  if (kind === 'identity' || kind === '') return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (kind !== 'gzip') return refuse(415, 'unsupported-encoding', `Content-Encoding ${kind} is not taken: send gzip or nothing.`);
  try {
    return gunzipSync(body, { maxOutputLength: INGEST_BODY_LIMIT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return refuse(413, 'too-large', `The upload is larger than ${INGEST_BODY_LIMIT} bytes inflated.`);
    return refuse(400, 'bad-request', 'The body is not valid gzip.');
  }
}

/** A body that mentions __proto__ or constructor goes through the guarded parser, which refuses prototype poisoning. */
const needsGuard = (text: string) => text.includes('__proto__') || text.includes('constructor');

/** Plain JSON.parse, which is what a fleet's uploads need at tens of thousands of events a second; the guarded parser when needed. */
function parseJson(text: string): unknown {
  if (!needsGuard(text)) return JSON.parse(text);
  return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
}

function timeOf(message: TrackMessage): number | null {
  const at = Date.parse(message.originalTimestamp ?? message.timestamp ?? '');
  return Number.isFinite(at) ? at : null;
}

/** Reads an upload sent with `encoding` by the kiosk `deviceId`. */
export function readUpload(encoding: string | undefined, body: Uint8Array, deviceId: string): ReadUpload {
  const bytes = uploadBytes(encoding, body);
  if (!Buffer.isBuffer(bytes)) return bytes;
  let json: unknown;
  try {
    // UTF-8 decoded the fast way (utf8-json.ts).
    json = parseUtf8Json(bytes, parseJson, needsGuard);
  } catch (err) {
    return refuse(400, 'bad-request', `The body is not valid JSON: ${(err as Error).message}`);
  }
  const envelope = BatchRequest.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return refuse(400, 'bad-request', `${['body', ...issue.path.map(String)].join('.')}: ${issue.message}`);
  }
  const messages = envelope.data.batch;
  if (messages.length > MAX_MESSAGES) return refuse(413, 'too-many-events', `An upload may carry at most ${MAX_MESSAGES} events (this one has ${messages.length}).`);

  const accepted: AcceptedMessage[] = [];
  const rejected: RejectedMessage[] = [];
  const verdicts: Verdict[] = [];
  for (const raw of messages) {
    const checked = checkTrackMessage(raw);
    if (!checked.ok) {
      rejected.push({ messageId: checked.messageId, seq: checked.seq, reason: checked.reason });
      verdicts.push({ kind: 'rejected', messageId: checked.messageId, reason: checked.reason });
      continue;
    }
    const m = checked.message;
    const kiosk = m.context?.kiosk;
    if (kiosk && kiosk.deviceId !== deviceId) {
      const reason = `context.kiosk.deviceId ${kiosk.deviceId} is not the kiosk this credential belongs to`;
      rejected.push({ messageId: m.messageId, seq: null, reason });
      verdicts.push({ kind: 'rejected', messageId: m.messageId, reason });
      continue;
    }
    const anonymousId = m.anonymousId ?? null;
    accepted.push({
      messageId: m.messageId,
      seq: kiosk?.seq ?? null,
      event: m.event,
      originalAt: timeOf(m),
      json: checked.json,
      anonymousId,
      pack: kiosk?.packId ? `${kiosk.packId}@${kiosk.packVersion ?? ''}` : '',
      planProblem: planProblem(m.event, m.properties),
      facts: messageFacts(m.event, anonymousId, m.properties),
    });
    verdicts.push({ kind: 'accepted', messageId: m.messageId });
  }
  return { ok: true, accepted, rejected, verdicts };
}
