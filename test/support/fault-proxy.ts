// A fault-injecting HTTP proxy in front of a real hub, for the delivery tests, the events
// end-to-end tests and the delivery benchmark. Everything is forwarded to the hub as it
// came — enrolment, heartbeats, command long-polls, CORS preflights — except that each
// upload (POST /v1/batch) first draws a fault from a plan (faults.ts): an answer lost
// before or after the hub stored the events, no answer at all, a connection cut while
// the body arrives or after the hub stored it, or only some of the events passed on.
// It can also answer like Segment (one answer for the whole batch), and go away and come
// back on the same port. The hub stays the ground truth for what was stored; the proxy
// counts what it saw.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import zlib from 'node:zlib';
import { checkTrackMessage, MAX_BATCH_BYTES } from '../../content/schema/hub-api/track-message.ts';
import type { Fault, FaultPlan } from './faults.ts';

export interface FaultProxyOptions {
  /** The hub's base URL, e.g. http://127.0.0.1:41234. */
  target: string;
  port?: number;
  host?: string;
  /** Drawn once per upload; none by default. Can be changed later (proxy.faults). */
  faults?: FaultPlan;
  /** An upload that hangs (fault) is cut off after this long, so the proxy can stop. */
  hangMs?: number;
  /** Answer every upload this much later (a slow hub). */
  respondDelayMs?: number;
  /**
   * 'hub' (default): the hub's answers, one result per event. 'segment': answers like
   * Segment does — { success: true } for the whole batch, and 400 for the whole batch
   * (nothing passed on) when any message is invalid.
   */
  answers?: 'hub' | 'segment';
  /** Which events a partial fault passes on (Math.random by default). */
  random?: () => number;
}

export interface FaultProxyStats {
  /** Uploads (POST /v1/batch) received. */
  uploads: number;
  /** Of those, how many came gzip-compressed. */
  gzipUploads: number;
  /** What became of each upload: ok, status-500, stored-then-hang, partial, hub-429… */
  byOutcome: Record<string, number>;
  /** Most uploads in progress at one moment. */
  maxConcurrent: number;
  /** Events the hub answered "accepted" (stored now). */
  accepted: number;
  /** Events the hub answered "duplicate": re-sends its unique messageId turned away. */
  duplicates: number;
}

export interface FaultProxy {
  url: string;
  port: number;
  stats: FaultProxyStats;
  /** The plan the next uploads draw from. */
  faults: FaultPlan;
  /** Stops listening and drops every connection (true), or listens again on the same port (false). */
  setDown(down: boolean): Promise<void>;
  close(): Promise<void>;
}

/** The hub's answer to a forwarded request, read whole. */
interface HubAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface BatchBody {
  batch: unknown[];
  [key: string]: unknown;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

function endToEnd(headers: http.IncomingHttpHeaders, drop: readonly string[] = []): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !drop.includes(name)) out[name] = value;
  }
  return out;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The upload's JSON, inflated when gzipped; null when it is not a batch (the hub then says what is wrong). */
function readBatch(req: http.IncomingMessage, raw: Buffer): BatchBody | null {
  try {
    const gzipped = (req.headers['content-encoding'] ?? '').toLowerCase().trim() === 'gzip';
    const text = (gzipped ? zlib.gunzipSync(raw, { maxOutputLength: 2 * MAX_BATCH_BYTES }) : raw).toString('utf8');
    const body = JSON.parse(text) as Partial<BatchBody> | null;
    return body && Array.isArray(body.batch) ? (body as BatchBody) : null;
  } catch {
    return null;
  }
}

/** The hub's per-event results, when its answer has them. */
function resultsOf(answer: HubAnswer): { messageId: string | null; status: string; reason?: string }[] | null {
  if (answer.status < 200 || answer.status >= 300) return null;
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as { results?: unknown };
    return Array.isArray(parsed.results) ? (parsed.results as { messageId: string | null; status: string }[]) : null;
  } catch {
    return null;
  }
}

/** The CORS headers the hub sends on /v1/*, read from a preflight: the proxy's own answers carry the same. */
async function hubCors(target: string): Promise<Record<string, string>> {
  const res = await fetch(`${target}/v1/batch`, {
    method: 'OPTIONS',
    headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, content-encoding' },
  });
  const cors = Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));
  if (!cors['access-control-allow-origin']) throw new Error(`the hub at ${target} answers no CORS preflight for /v1/batch, so a browser kiosk could not read the proxy's answers either`);
  return cors;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const cors = await hubCors(target.origin);
  const random = options.random ?? Math.random;
  const segment = options.answers === 'segment';
  const agent = new http.Agent({ keepAlive: true });
  const stats: FaultProxyStats = { uploads: 0, gzipUploads: 0, byOutcome: {}, maxConcurrent: 0, accepted: 0, duplicates: 0 };
  const sockets = new Set<Socket>();
  let concurrent = 0;
  const count = (outcome: string) => void (stats.byOutcome[outcome] = (stats.byOutcome[outcome] ?? 0) + 1);

  const upstream = (req: http.IncomingMessage, headers: http.OutgoingHttpHeaders) =>
    http.request({ protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent });

  /** Sends an upload (this body, these headers) to the hub and reads its whole answer. */
  function askHub(req: http.IncomingMessage, body: Buffer, reencoded: boolean): Promise<HubAnswer> {
    const headers = endToEnd(req.headers, reencoded ? ['content-encoding', 'content-length'] : ['content-length']);
    headers['content-length'] = String(body.length);
    if (reencoded) headers['content-type'] = 'application/json';
    return new Promise((resolve, reject) => {
      const out = upstream(req, headers);
      out.once('error', reject);
      out.once('response', (answer) => {
        readBody(answer).then((buffer) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: buffer }), reject);
      });
      out.end(body);
    });
  }

  /** Passes a request and its answer through as they stream (long-polls, preflights, enrolment, heartbeats). */
  function pipeThrough(req: http.IncomingMessage, res: http.ServerResponse): void {
    const out = upstream(req, endToEnd(req.headers));
    out.once('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    });
    out.once('error', () => {
      if (!res.headersSent) answer(res, 502, { error: 'the hub behind the fault proxy cannot be reached' });
      else res.destroy();
    });
    // The kiosk went away (or the proxy went down): the hub's side of the request goes too.
    res.once('close', () => {
      if (!res.writableFinished) out.destroy();
    });
    req.pipe(out);
  }

  /** An answer of the proxy's own, with the hub's CORS headers so a browser kiosk can read it. */
  function answer(res: http.ServerResponse, status: number, body: unknown, retryAfterSec?: number): void {
    if (res.destroyed) return;
    res.writeHead(status, { ...cors, 'content-type': 'application/json', ...(retryAfterSec !== undefined ? { 'retry-after': String(retryAfterSec) } : {}) });
    res.end(JSON.stringify(body));
  }

  function relay(res: http.ServerResponse, hub: HubAnswer): void {
    if (res.destroyed) return;
    res.writeHead(hub.status, { ...endToEnd(hub.headers, ['content-length']), 'content-length': String(hub.body.length) });
    res.end(hub.body);
  }

  function tally(hub: HubAnswer): void {
    for (const r of resultsOf(hub) ?? []) {
      if (r.status === 'accepted') stats.accepted += 1;
      if (r.status === 'duplicate') stats.duplicates += 1;
    }
  }

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

    if (fault.kind === 'status' && !fault.store) {
      count(`status-${fault.status}`);
      return answer(res, fault.status, { error: 'injected failure' }, fault.retryAfterSec);
    }
    if (fault.kind === 'hang' && !fault.store) {
      count('hang');
      return; // never answers; the kiosk's timeout gives up
    }

    // What goes to the hub, and what the kiosk is answered once the hub has answered.
    let hub: HubAnswer;
    let reply: () => void;
    const body = fault.kind === 'partial' || segment ? readBatch(req, raw) : null;
    if (fault.kind === 'partial' && body) {
      const messages = body.batch;
      const take = messages.map(() => random() < fault.acceptRatio);
      hub = await askHub(req, Buffer.from(JSON.stringify({ ...body, batch: messages.filter((_, i) => take[i]) })), true);
      const taken = resultsOf(hub);
      if (taken) {
        let t = 0;
        const results = messages.map((m, i) =>
          take[i] ? taken[t++] : { messageId: (m as { messageId?: unknown })?.messageId ?? null, status: 'retry', reason: 'busy, send again' },
        );
        reply = () => answer(res, 200, { success: true, results });
      } else {
        reply = () => relay(res, hub);
      }
    } else if (segment && body) {
      const checks = body.batch.map(checkTrackMessage);
      const invalid = checks.findIndex((c) => !c.ok);
      const bad = checks[invalid];
      if (bad && !bad.ok) {
        count('error-400');
        return answer(res, 400, { error: `message ${invalid} is invalid: ${bad.reason}` });
      }
      hub = await askHub(req, raw, false);
      reply = () => (hub.status >= 200 && hub.status < 300 ? answer(res, 200, { success: true }) : relay(res, hub));
    } else {
      hub = await askHub(req, raw, false);
      reply = () => relay(res, hub);
    }
    tally(hub);

    // Faults after the hub has answered: the events are kept, but the kiosk never hears so.
    if (fault.kind === 'status') {
      count(`stored-then-${fault.status}`);
      return answer(res, fault.status, { error: 'injected failure after storing' }, fault.retryAfterSec);
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
    count(hub.status < 200 || hub.status >= 300 ? `hub-${hub.status}` : fault.kind === 'partial' ? 'partial' : 'ok');
    reply();
  }

  let faults: FaultPlan = options.faults ?? { next: () => ({ kind: 'none' }) };
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://proxy').pathname !== '/v1/batch') return pipeThrough(req, res);
    stats.uploads += 1;
    if ((req.headers['content-encoding'] ?? '').toLowerCase() === 'gzip') stats.gzipUploads += 1;
    concurrent += 1;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, concurrent);
    res.once('close', () => (concurrent -= 1));
    const fault = faults.next();
    if (fault.kind === 'hang') setTimeout(() => req.socket.destroy(), options.hangMs ?? 120_000).unref();
    handleBatch(req, res, fault).catch((err: unknown) => {
      count('proxy-error');
      if (!res.headersSent) answer(res, 502, { error: `the fault proxy could not pass the upload on: ${(err as Error).message}` });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
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
    stats,
    get faults() {
      return faults;
    },
    set faults(plan: FaultPlan) {
      faults = plan;
    },
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
      agent.destroy();
    },
  };
}
