// POST /v1/batch: a kiosk's outbox upload. Gzip is inflated up to the 500 KB bound and no
// further (a compression bomb fills nothing); each message is checked on its
// own, so one bad event is rejected alone and the rest are stored; the answer says, per
// event, accepted, duplicate (stored before: exactly once by messageId, forever) or
// rejected with the reason. Nothing is acknowledged before it is committed.
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { batchRoute, type EventResult } from '../../../../content/schema/hub-api/batch.ts';
import { checkTrackMessage, MAX_BATCH_BYTES, type TrackMessage } from '../../../../content/schema/hub-api/track-message.ts';
import { planProblem } from '../../../../content/schema/events/plan-check.ts';
import { ingestBatch, type AcceptedMessage, type RejectedMessage } from '../../../store/queries/ingest.ts';
import { addRoute } from '../../http/add-route.ts';
import { HttpError } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';

/** The JSON of one upload may be this large once inflated (the batch bound plus its wrapping). */
export const INGEST_BODY_LIMIT = MAX_BATCH_BYTES + 64 * 1024;
/** The most messages one upload may carry. */
export const MAX_MESSAGES = 2_000;

/**
 * The upload as text: read whole (at most INGEST_BODY_LIMIT bytes as sent), then inflated
 * in one go when gzipped, stopping at INGEST_BODY_LIMIT bytes inflated — a compression
 * bomb fills nothing.
 */
export function uploadText(encoding: string | undefined, body: Buffer): string {
  const kind = (encoding ?? 'identity').trim().toLowerCase();
  if (kind === 'identity' || kind === '') return body.toString('utf8');
  if (kind !== 'gzip') throw new HttpError(415, 'unsupported-encoding', `Content-Encoding ${kind} is not taken: send gzip or nothing.`);
  try {
    return gunzipSync(body, { maxOutputLength: INGEST_BODY_LIMIT }).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new HttpError(413, 'too-large', `The upload is larger than ${INGEST_BODY_LIMIT} bytes inflated.`);
    throw new HttpError(400, 'bad-request', 'The body is not valid gzip.');
  }
}

function timeOf(message: TrackMessage): number | null {
  const at = Date.parse(message.originalTimestamp ?? message.timestamp ?? '');
  return Number.isFinite(at) ? at : null;
}

/**
 * JSON for the ingest route: plain JSON.parse, which is what a fleet's uploads need at
 * tens of thousands of events a second; a body that mentions __proto__ or constructor
 * goes through Fastify's guarded parser instead, which refuses prototype poisoning.
 */
function uploadParser(app: FastifyInstance) {
  const guarded = app.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, raw: Buffer, done: (err: Error | null, value?: unknown) => void) => {
    let text: string;
    try {
      text = uploadText(request.headers['content-encoding'], raw);
    } catch (err) {
      return done(err as Error);
    }
    if (text.includes('__proto__') || text.includes('constructor')) return guarded(request, text, done);
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(Object.assign(new Error(`The body is not valid JSON: ${(err as Error).message}`), { statusCode: 400 }));
    }
  };
}

export function registerIngest(parent: FastifyInstance, hub: HubContext): void {
  void parent.register(async (app) => {
    app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: INGEST_BODY_LIMIT }, uploadParser(app));
    registerIngestRoute(app, hub);
  });
}

function registerIngestRoute(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    batchRoute,
    async ({ input, principal }) => {
      if (principal.kind !== 'kiosk') throw new Error('ingest without a kiosk');
      const messages = input.body.batch;
      if (messages.length > MAX_MESSAGES) throw new HttpError(413, 'too-many-events', `An upload may carry at most ${MAX_MESSAGES} events (this one has ${messages.length}).`);
      const accepted: AcceptedMessage[] = [];
      const rejected: RejectedMessage[] = [];
      const verdicts: ({ kind: 'accepted'; messageId: string } | { kind: 'rejected'; messageId: string | null; reason: string })[] = [];
      for (const raw of messages) {
        const checked = checkTrackMessage(raw);
        if (!checked.ok) {
          rejected.push({ messageId: checked.messageId, seq: checked.seq, reason: checked.reason });
          verdicts.push({ kind: 'rejected', messageId: checked.messageId, reason: checked.reason });
          continue;
        }
        const m = checked.message;
        const kiosk = m.context?.kiosk;
        if (kiosk && kiosk.deviceId !== principal.deviceId) {
          const reason = `context.kiosk.deviceId ${kiosk.deviceId} is not the kiosk this credential belongs to`;
          rejected.push({ messageId: m.messageId, seq: null, reason });
          verdicts.push({ kind: 'rejected', messageId: m.messageId, reason });
          continue;
        }
        accepted.push({
          messageId: m.messageId,
          seq: kiosk?.seq ?? null,
          event: m.event,
          originalAt: timeOf(m),
          json: checked.json,
          properties: m.properties,
          anonymousId: m.anonymousId ?? null,
          pack: kiosk?.packId ? `${kiosk.packId}@${kiosk.packVersion ?? ''}` : '',
          planProblem: planProblem(m.event, m.properties),
        });
        verdicts.push({ kind: 'accepted', messageId: m.messageId });
      }
      const outcome = await ingestBatch(hub.store, { deviceId: principal.deviceId, receivedAt: hub.clock.now(), accepted, rejected });
      const answered = new Set<string>();
      const results: EventResult[] = verdicts.map((v) => {
        if (v.kind === 'rejected') return { messageId: v.messageId, status: 'rejected', reason: v.reason };
        const first = !answered.has(v.messageId);
        answered.add(v.messageId);
        return { messageId: v.messageId, status: first && !outcome.duplicates.has(v.messageId) ? 'accepted' : 'duplicate' };
      });
      return { success: true, results };
    },
    { bodyLimit: INGEST_BODY_LIMIT, perMinute: 600 },
  );
}
