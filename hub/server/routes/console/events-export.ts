// Raw events as a download, streamed a page at a time: newline-delimited JSON (each
// message as it arrived) or CSV (the columns people filter on, and the properties as
// JSON). For analysts and admins; a store manager gets only their stores' kiosks.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { eventsExportRoute } from '../../../../content/schema/hub-api/console/analytics.ts';
import { rawEvents, type RawEventRow } from '../../../store/queries/analytics.ts';
import { listKiosks } from '../../../store/queries/kiosks.ts';
import { authenticate } from '../../auth/authenticate.ts';
import { badRequest } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { rollupFilter } from './analytics.ts';

const CSV_COLUMNS = ['message_id', 'device_id', 'seq', 'event', 'original_at', 'received_at', 'anonymous_id', 'properties', 'plan_problem'] as const;

/** One CSV field: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ cannot start a formula. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(row: RawEventRow): string {
  const body = JSON.parse(row.body) as { anonymousId?: string; properties?: unknown };
  const values = [row.message_id, row.device_id, row.seq, row.event, row.original_at === null ? '' : new Date(Number(row.original_at)).toISOString(), new Date(Number(row.received_at)).toISOString(), body.anonymousId ?? '', JSON.stringify(body.properties ?? {}), row.plan_problem ?? ''];
  return values.map(csvField).join(',') + '\r\n';
}

export function registerEventsExport(app: FastifyInstance, hub: HubContext): void {
  app.get(eventsExportRoute.path, async (request, reply) => {
    const principal = await authenticate(hub, eventsExportRoute, request, ['admin', 'analyst', 'store-manager']);
    const parsed = eventsExportRoute.query!.safeParse(request.query);
    if (!parsed.success) throw badRequest(`query.${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    const q = parsed.data;
    const f = rollupFilter(principal, q);
    const scoped = f.visibleStores !== null || f.storeId !== undefined || f.deviceId !== undefined;
    const deviceIds = scoped ? (await listKiosks(hub.store, { storeIds: f.visibleStores, storeId: f.storeId, ...(f.deviceId ? { deviceId: f.deviceId } : {}) })).map((k) => k.deviceId) : null;
    const pages = rawEvents(hub.store, { from: q.from, to: q.to, deviceIds, event: q.event });
    const stamp = `${new Date(q.from).toISOString().slice(0, 10)}_${new Date(q.to).toISOString().slice(0, 10)}`;
    async function* lines() {
      if (q.format === 'csv') yield '\uFEFF' + CSV_COLUMNS.join(',') + '\r\n';
      for await (const page of pages) yield page.map((row) => (q.format === 'csv' ? csvLine(row) : `${row.body}\n`)).join('');
    }
    reply.header('content-type', q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="events_${stamp}.${q.format === 'csv' ? 'csv' : 'ndjson'}"`);
    return reply.send(Readable.from(lines()));
  });
}
