// POST /v1/batch: a kiosk's outbox upload. The body is read (inflated within its bound,
// parsed, each message checked on its own — read-upload.ts) by the upload readers, on
// worker threads in the bundled hub; the checked events go to the store with group
// commit. The answer says, per event, accepted, duplicate (stored before: exactly once by
// messageId, forever) or rejected with the reason. Nothing is acknowledged before it is
// committed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { batchRoute, type EventResult } from '../../../../content/schema/hub-api/batch.ts';
import { addRoute } from '../../http/add-route.ts';
import { HttpError, unauthorised } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { INGEST_BODY_LIMIT, type ReadUpload } from '../../ingest/read-upload.ts';

/** The declared route, its body read by the upload readers instead of the route's own schema check (they apply the same schema). */
const uploadRoute = { ...batchRoute, body: undefined };

function uploadParser(hub: HubContext) {
  return async (request: FastifyRequest, raw: Buffer): Promise<ReadUpload> => {
    const principal = request.principal;
    if (principal?.kind !== 'kiosk') throw unauthorised('Send the kiosk credential.');
    const read = await hub.uploadReaders.read(request.headers['content-encoding'], raw, principal.deviceId).catch((err: Error) => {
      hub.log.warn({ err: err.message }, 'an upload could not be read');
      throw new HttpError(503, 'unavailable', 'The hub could not read this upload just now; send it again.', { 'retry-after': '5' });
    });
    if (!read.ok) throw new HttpError(read.status, read.code, read.message);
    return read;
  };
}

export function registerIngest(parent: FastifyInstance, hub: HubContext): void {
  void parent.register(async (app) => {
    app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: INGEST_BODY_LIMIT }, uploadParser(hub));
    registerIngestRoute(app, hub);
  });
}

function registerIngestRoute(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    uploadRoute,
    async ({ principal, request }) => {
      if (principal.kind !== 'kiosk') throw new Error('ingest without a kiosk');
      const upload = request.body as Extract<ReadUpload, { ok: true }>;
      const outcome = await hub.ingestQueue.ingest({ deviceId: principal.deviceId, receivedAt: hub.clock.now(), accepted: upload.accepted, rejected: upload.rejected });
      const answered = new Set<string>();
      const results: EventResult[] = upload.verdicts.map((v) => {
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
