// The reference collector's HTTP side: POST /v1/batch in Segment's shape (gzip or not)
// with a write key, per-event results, and kiosk health at GET /v1/kiosks/:id/health.
// Tests and benchmarks can make it fail on purpose (see faults.ts) or go away and come back.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import zlib from 'node:zlib';
import { checkTrackMessage as checkMessage, MAX_BATCH_BYTES } from '../../content/schema/hub-api/track-message.ts';
import { CollectorStore, type EventResult } from './store.ts';
import type { Fault, FaultPlan } from './faults.ts';

export interface CollectorOptions {
  /** SQLite file; ':memory:' by default. */
  dbFile?: string;
  port?: number;
  host?: string;
  /** Accepted write keys; none means any key (or none) is accepted. */
  writeKeys?: string[];
  /**
   * false answers like Segment: { success: true } for the whole batch, and 400 for the
   * whole batch when one message is invalid (nothing stored).
   */
  perEventResults?: boolean;
  faults?: FaultPlan;
  /** A request that hangs (fault) is cut off after this long, so the server can stop. */
  hangMs?: number;
  /** Answer every upload this much later (a slow collector). */
  respondDelayMs?: number;
}

export interface CollectorStats {
  /** Uploads (POST /v1/batch) received. */
  uploads: number;
  /** Of those, how many came gzip-compressed. */
  gzipUploads: number;
  byOutcome: Record<string, number>;
  /** Most uploads in progress at one moment. */
  maxConcurrent: number;
}

export interface Collector {
  url: string;
  port: number;
  store: CollectorStore;
  stats: CollectorStats;
  /** Stops listening and drops every connection (true), or listens again on the same port (false). */
  setDown(down: boolean): Promise<void>;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, content-encoding',
  'access-control-expose-headers': 'retry-after',
  'access-control-max-age': '600',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { ...CORS, 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 2 * MAX_BATCH_BYTES) throw new HttpError(413, `the body is larger than ${2 * MAX_BATCH_BYTES} bytes`);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') {
    if (raw.length > MAX_BATCH_BYTES + 64 * 1024) throw new HttpError(413, `the batch is larger than ${MAX_BATCH_BYTES} bytes`);
    return raw;
  }
  if (encoding !== 'gzip') throw new HttpError(415, `content-encoding ${encoding} is not supported (use gzip or none)`);
  try {
    // A gzip bomb stops at the limit instead of filling memory.
    return zlib.gunzipSync(raw, { maxOutputLength: MAX_BATCH_BYTES + 64 * 1024 });
  } catch (err) {
    const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /too large|Cannot create a Buffer larger/i.test(String(err));
    throw new HttpError(tooBig ? 413 : 400, tooBig ? `the batch is larger than ${MAX_BATCH_BYTES} bytes` : 'the body is not valid gzip');
  }
}

function writeKeyOf(req: http.IncomingMessage, body: { writeKey?: unknown }): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    return decoded.slice(0, decoded.indexOf(':') >= 0 ? decoded.indexOf(':') : undefined);
  }
  return typeof body.writeKey === 'string' ? body.writeKey : null;
}

export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const store = new CollectorStore(options.dbFile ?? ':memory:');
  const perEvent = options.perEventResults ?? true;
  const stats: CollectorStats = { uploads: 0, gzipUploads: 0, byOutcome: {}, maxConcurrent: 0 };
  const sockets = new Set<Socket>();
  let concurrent = 0;
  const count = (outcome: string) => void (stats.byOutcome[outcome] = (stats.byOutcome[outcome] ?? 0) + 1);

  async function handleBatch(req: http.IncomingMessage, res: http.ServerResponse, fault: Fault): Promise<void> {
    if (fault.kind === 'reset-mid-body') {
      count('reset-mid-body');
      await new Promise<void>((resolve) => {
        req.once('data', () => {
          req.socket.destroy();
          resolve();
        });
        req.once('end', resolve);
        req.once('close', resolve);
      });
      req.socket.destroy();
      return;
    }
    const raw = await readBody(req);
    if (options.respondDelayMs) await new Promise((resolve) => setTimeout(resolve, options.respondDelayMs));
    let body: { batch?: unknown; writeKey?: unknown };
    try {
      body = JSON.parse(raw.toString('utf8')) as typeof body;
    } catch {
      throw new HttpError(400, 'the body is not JSON');
    }
    if (options.writeKeys?.length && !options.writeKeys.includes(writeKeyOf(req, body) ?? '')) {
      throw new HttpError(401, 'unknown write key: send it as the Basic auth user name or as "writeKey" in the body');
    }
    if (!Array.isArray(body.batch)) throw new HttpError(400, 'the body needs a "batch" array');
    const messages = body.batch as unknown[];

    if (fault.kind === 'status' && !fault.store) {
      count(`status-${fault.status}`);
      return send(res, fault.status, { error: 'injected failure' }, fault.retryAfterSec !== undefined ? { 'retry-after': String(fault.retryAfterSec) } : {});
    }
    if (fault.kind === 'hang' && !fault.store) {
      count('hang');
      return; // never answers; the kiosk's timeout gives up
    }
    let results: EventResult[];
    if (fault.kind === 'partial') {
      const take = messages.map(() => Math.random() < fault.acceptRatio);
      const taken = store.ingest(messages.filter((_, i) => take[i]));
      let t = 0;
      results = messages.map((m, i) =>
        take[i] ? taken[t++]! : { messageId: (m as { messageId?: string })?.messageId ?? null, status: 'retry', reason: 'busy, send again' },
      );
      count('partial');
    } else if (!perEvent) {
      const checks = messages.map(checkMessage);
      const invalid = checks.findIndex((c) => !c.ok);
      const bad = checks[invalid];
      if (bad && !bad.ok) throw new HttpError(400, `message ${invalid} is invalid: ${bad.reason}`);
      results = store.ingest(messages);
    } else {
      results = store.ingest(messages);
    }
    // Faults after storing: the events are kept but the kiosk never hears so.
    if (fault.kind === 'status') {
      count(`stored-then-${fault.status}`);
      return send(res, fault.status, { error: 'injected failure after storing' });
    }
    if (fault.kind === 'hang') {
      count('stored-then-hang');
      return;
    }
    if (fault.kind === 'reset-after-store') {
      count('reset-after-store');
      req.socket.destroy();
      return;
    }
    if (fault.kind !== 'partial') count('ok');
    send(res, 200, perEvent ? { success: true, results } : { success: true });
  }

  function handleHealth(res: http.ServerResponse, deviceId: string): void {
    const health = store.deviceHealth(deviceId);
    if (!health) return send(res, 404, { error: `no events from kiosk ${deviceId}` });
    send(res, 200, health);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector');
    void (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS).end();
        return;
      }
      if (req.method === 'POST' && url.pathname === '/v1/batch') {
        stats.uploads += 1;
        if (req.headers['content-encoding'] === 'gzip') stats.gzipUploads += 1;
        concurrent += 1;
        stats.maxConcurrent = Math.max(stats.maxConcurrent, concurrent);
        res.once('close', () => (concurrent -= 1));
        const fault = options.faults?.next() ?? { kind: 'none' };
        if (fault.kind === 'hang') setTimeout(() => req.socket.destroy(), options.hangMs ?? 120_000).unref();
        return handleBatch(req, res, fault);
      }
      const health = /^\/v1\/kiosks\/([^/]+)\/health$/.exec(url.pathname);
      if (req.method === 'GET' && health) return handleHealth(res, decodeURIComponent(health[1]!));
      if (req.method === 'GET' && url.pathname === '/v1/kiosks') return send(res, 200, { kiosks: store.devices() });
      send(res, 404, { error: `no route for ${req.method} ${url.pathname}` });
    })().catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      count(`error-${status}`);
      send(res, status, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  await listen(options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  let down = false;
  let closed = false;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    stats,
    async setDown(next) {
      if (next === down || closed) return;
      down = next;
      if (down) await stop();
      else await listen(port);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (!down) await stop();
      store.close();
    },
  };
}
