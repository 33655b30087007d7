// Sends the outbox to the collector: one uploader at a time across all windows (Web
// Locks), batches of at most 500 events and 500 KB, gzip, per-event results, full-jitter
// backoff without an attempt cap, Retry-After honoured, and an immediate retry when the
// network comes back.
import { DEFAULT_BACKOFF, fullJitterDelay, parseRetryAfter, type BackoffPolicy } from './backoff.ts';
import { interpretResponse, type UploadVerdict } from './batch-response.ts';
import { MAX_BATCH_BYTES, withSentAt } from './envelope.ts';
import type { Outbox } from './outbox.ts';
import type { OutboxEvent } from './outbox-db.ts';

export const UPLOAD_LOCK = 'kiosk-outbox-uploader';

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    }),
};

/**
 * Runs `task` while holding the named lock (navigator.locks where there is one). A
 * window still waiting for the lock stops waiting when `signal` aborts.
 */
export type LockRunner = (name: string, task: () => Promise<void>, signal: AbortSignal) => Promise<void>;

export const webLock: LockRunner = (name, task, signal) =>
  typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request(name, { signal }, task).then(() => undefined) : task();

export type UploaderState = 'waiting-for-lock' | 'idle' | 'sending' | 'backoff' | 'stopped';

export interface UploadReport {
  status: number | 'network-error';
  sent: number;
  accepted: number;
  rejected: number;
  retry: number;
  /** Milliseconds until the next attempt, when there is one pending. */
  nextInMs: number | null;
  reason: string | null;
}

export interface UploaderOptions {
  outbox: Outbox;
  /** The collector's base URL (events go to <url>/v1/batch) or the batch endpoint itself. */
  url: string;
  writeKey?: string | undefined;
  maxEvents?: number;
  maxBytes?: number;
  timeoutMs?: number;
  /** After waking from idle, wait this long so a burst of events goes in one batch. */
  lingerMs?: number;
  /** With nothing to send and nothing waking it, look again after this long. */
  idlePollMs?: number;
  gzip?: boolean;
  backoff?: BackoffPolicy;
  clock?: Clock;
  random?: () => number;
  fetchImpl?: typeof fetch;
  lock?: LockRunner;
  /** Fires 'online' when the network returns (window in the browser). */
  connectivity?: EventTarget;
  onReport?: (report: UploadReport) => void;
}

export function batchEndpoint(url: string): string {
  const u = new URL(url);
  if (/\/v1\/batch\/?$/.test(u.pathname)) return u.href;
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return new URL('v1/batch', u).href;
}

export async function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function basicAuth(writeKey: string): string {
  const bytes = new TextEncoder().encode(`${writeKey}:`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** A batch read from the outbox and encoded, ready to post. */
interface Prepared {
  batch: OutboxEvent[];
  payload: Uint8Array | string;
}

export class Uploader {
  state: UploaderState = 'waiting-for-lock';
  lastError: string | null = null;
  lastAttemptAt: number | null = null;
  nextAttemptAt: number | null = null;

  private readonly endpoint: string;
  private readonly maxEvents: number;
  private readonly maxBytes: number;
  private readonly clock: Clock;
  private readonly backoff: BackoffPolicy;
  private failures = 0;
  /** Halved when the collector refuses a batch without saying which event; grows back on success. */
  private batchLimit: number;
  /** An event the collector refused on its own (400) without saying why; quarantined once others get through. */
  private suspect: { row: OutboxEvent; reason: string } | null = null;
  private stopped = false;
  /** Aborted when new events arrive (ends an idle wait). */
  private eventsWake = new AbortController();
  /** Aborted when the network comes back (ends an idle wait or a network-error backoff). */
  private onlineWake = new AbortController();
  private readonly stopSignal = new AbortController();
  private running: Promise<void> | null = null;
  /**
   * While a full batch is on its way, the next one is read and compressed, and the
   * previous one is settled while the next is on its way: one upload at a time, but the
   * disk and the network overlap when draining a backlog.
   */
  private prefetch: Promise<Prepared | null> | null = null;
  private settling: Promise<void> = Promise.resolve();
  private readonly onOnline = () => this.onlineWake.abort();

  constructor(private readonly options: UploaderOptions) {
    this.endpoint = batchEndpoint(options.url);
    this.maxEvents = options.maxEvents ?? 500;
    this.maxBytes = options.maxBytes ?? MAX_BATCH_BYTES;
    this.batchLimit = this.maxEvents;
    this.clock = options.clock ?? realClock;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  start(): void {
    if (this.running) return;
    this.options.connectivity?.addEventListener('online', this.onOnline);
    const lock = this.options.lock ?? webLock;
    this.running = lock(UPLOAD_LOCK, () => this.loop(), this.stopSignal.signal).catch((err: unknown) => {
      // Stopped while another window held the lock: nothing went wrong.
      if (!this.stopSignal.signal.aborted) this.lastError = `uploader stopped: ${String(err)}`;
    });
  }

  /** New events to send: ends an idle wait (never a backoff). */
  wake(): void {
    this.eventsWake.abort();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.options.connectivity?.removeEventListener('online', this.onOnline);
    this.stopSignal.abort();
    await this.running;
    await this.settling;
    this.state = 'stopped';
  }

  private async sleep(ms: number, wakers: AbortController[]): Promise<void> {
    this.nextAttemptAt = this.clock.now() + ms;
    await this.clock.sleep(ms, AbortSignal.any([this.stopSignal.signal, ...wakers.map((w) => w.signal)]));
    this.nextAttemptAt = null;
  }

  /** Runs while this window holds the upload lock; an error (the disk, say) costs a backoff, never the uploader. */
  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.uploadUntilStopped();
      } catch (err) {
        this.prefetch = null;
        const delay = this.failed(`uploader error: ${(err as Error).message}`);
        this.state = 'backoff';
        await this.sleep(delay, []);
      }
    }
  }

  private async uploadUntilStopped(): Promise<void> {
    let fromIdle = false;
    while (!this.stopped) {
      if (this.eventsWake.signal.aborted) this.eventsWake = new AbortController();
      if (this.onlineWake.signal.aborted) this.onlineWake = new AbortController();
      const prepared = await this.takePrefetch();
      const batch = prepared?.batch ?? (await this.nextBatch());
      if (batch.length === 0) {
        if (this.suspect) {
          // Nothing else to send to tell a bad event from a broken collector: wait, then try it again.
          const delay = this.failed('the collector refused a single event and there is nothing else to compare it with');
          this.suspect = null;
          await this.sleep(delay, [this.onlineWake]);
          continue;
        }
        this.state = 'idle';
        this.failures = 0;
        await this.sleep(this.options.idlePollMs ?? 30_000, [this.eventsWake, this.onlineWake]);
        fromIdle = true;
        continue;
      }
      if (fromIdle && batch.length < this.batchLimit && (this.options.lingerMs ?? 500) > 0) {
        fromIdle = false;
        await this.sleep(this.options.lingerMs ?? 500, []);
        continue;
      }
      fromIdle = false;
      this.state = 'sending';
      const verdict = await this.send(prepared ?? (await this.prepare(batch)));
      if (this.stopped) break;
      await this.apply(batch, verdict);
    }
  }

  private async takePrefetch(): Promise<Prepared | null> {
    const next = this.prefetch;
    this.prefetch = null;
    return next ? next.catch(() => null) : null;
  }

  /** The oldest events, leaving out a suspect the collector refused on its own. */
  private async nextBatch(): Promise<OutboxEvent[]> {
    await this.settling;
    const suspect = this.suspect;
    const rows = await this.options.outbox.peek(this.batchLimit + (suspect ? 1 : 0), this.maxBytes);
    return suspect ? rows.filter((r) => r.id !== suspect.row.id).slice(0, this.batchLimit) : rows;
  }

  /** Counts a failure; returns how long to wait before the next attempt. */
  private failed(reason: string): number {
    this.failures += 1;
    this.lastError = reason;
    return fullJitterDelay(this.failures, this.backoff, this.options.random);
  }

  private async apply(batch: OutboxEvent[], verdict: UploadVerdict): Promise<void> {
    const { outbox } = this.options;
    if (verdict.kind === 'split') {
      if (this.suspect) {
        // Others are refused too: the collector is the problem, not the suspect.
        this.suspect = null;
        this.batchLimit = this.maxEvents;
        const delay = this.failed(verdict.reason);
        this.report(400, batch.length, 0, 0, batch.length, delay, verdict.reason);
        this.state = 'backoff';
        await this.sleep(delay, []);
      } else if (batch.length > 1) {
        // Refused as a whole without saying which event: send halves until it is one.
        this.batchLimit = Math.ceil(batch.length / 2);
        this.report(400, batch.length, 0, 0, batch.length, 0, verdict.reason);
      } else {
        this.suspect = { row: batch[0]!, reason: verdict.reason };
        this.report(400, 1, 0, 0, 1, 0, verdict.reason);
      }
      return;
    }
    if (verdict.kind === 'retry') {
      const retryAfter = parseRetryAfter(verdict.retryAfter, this.clock.now(), this.backoff.maxRetryAfterMs);
      const jitter = this.failed(verdict.reason);
      const delay = retryAfter ?? jitter;
      const status = verdict.network ? 'network-error' : Number(/^HTTP (\d+)/.exec(verdict.reason)?.[1] ?? 0);
      this.report(status, batch.length, 0, 0, batch.length, delay, verdict.reason);
      this.state = 'backoff';
      // The network coming back cuts a network-error backoff short, never a wait the collector asked for.
      await this.sleep(delay, verdict.network ? [this.onlineWake] : []);
      return;
    }
    const byId = new Map(batch.map((row) => [row.messageId, row]));
    const accepted = verdict.accepted.map((id) => byId.get(id)).filter((r): r is OutboxEvent => r !== undefined);
    const rejected = verdict.rejected.flatMap((r) => {
      const row = byId.get(r.messageId);
      return row ? [{ row, reason: r.reason }] : [];
    });
    if (this.suspect) {
      // The collector takes other events but not that one: it is bad, set it aside.
      rejected.push(this.suspect);
      this.suspect = null;
    }
    const settle = accepted.length > 0 || rejected.length > 0 ? () => outbox.settle({ accepted, rejected }) : () => outbox.markSuccess();
    // Settled in the background when the next batch is already on its way; a settle that
    // fails leaves the events in the outbox, and the collector turns the re-sends away.
    this.settling = this.settling.then(settle).catch((err: unknown) => {
      this.lastError = `could not update the outbox: ${(err as Error).message}`;
    });
    if (!this.prefetch || verdict.retry.length > 0) await this.settling;
    this.batchLimit = Math.min(this.maxEvents, this.batchLimit * 2);
    if (verdict.retry.length === 0) {
      this.failures = 0;
      this.lastError = null;
      this.report(200, batch.length, accepted.length, rejected.length, 0, null, null);
      return;
    }
    // Partial success: when something got through, back off from the start again.
    if (accepted.length > 0) this.failures = 0;
    const delay = this.failed(`the collector asked to retry ${verdict.retry.length} of ${batch.length} events`);
    this.report(200, batch.length, accepted.length, rejected.length, verdict.retry.length, delay, this.lastError);
    this.state = 'backoff';
    await this.sleep(delay, []);
  }

  /**
   * Encodes a batch for one attempt. sentAt is the moment of encoding: at most one
   * round trip before the post when the batch was read ahead.
   */
  private async prepare(batch: OutboxEvent[]): Promise<Prepared> {
    const sentAt = new Date(this.clock.now()).toISOString();
    const { writeKey } = this.options;
    const body = `{"batch":[${batch.map((row) => withSentAt(row.json, sentAt)).join(',')}],"sentAt":${JSON.stringify(sentAt)}${
      writeKey ? `,"writeKey":${JSON.stringify(writeKey)}` : ''
    }}`;
    return { batch, payload: (this.options.gzip ?? true) ? await gzipText(body) : body };
  }

  /** Reads and encodes the batch after `afterId`, if a full one is waiting. */
  private async prepareNext(afterId: number): Promise<Prepared | null> {
    const batch = await this.options.outbox.peek(this.maxEvents, this.maxBytes, afterId);
    return batch.length === this.maxEvents ? this.prepare(batch) : null;
  }

  private async send({ batch, payload }: Prepared): Promise<UploadVerdict> {
    this.lastAttemptAt = this.clock.now();
    const { writeKey } = this.options;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (writeKey) headers.authorization = basicAuth(writeKey);
    if (typeof payload !== 'string') headers['content-encoding'] = 'gzip';
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const signal = AbortSignal.any([controller.signal, this.stopSignal.signal]);
    const fetchImpl = this.options.fetchImpl ?? fetch.bind(globalThis);
    try {
      const response = fetchImpl(this.endpoint, {
        method: 'POST',
        headers,
        body: payload as BodyInit,
        signal,
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      // A full batch went out and more may be waiting: read the next one meanwhile.
      if (batch.length === this.maxEvents && this.batchLimit === this.maxEvents && !this.suspect) {
        this.prefetch = this.prepareNext(batch.at(-1)!.id);
      }
      const res = await response;
      const text = await res.text();
      const verdict = interpretResponse(res.status, res.headers.get('retry-after'), text, batch.map((row) => row.messageId));
      if (verdict.kind !== 'settled' || verdict.retry.length > 0 || verdict.rejected.length > 0) this.prefetch = null;
      return verdict;
    } catch (err) {
      this.prefetch = null;
      const reason = signal.reason instanceof Error ? signal.reason.message : (err as Error).message;
      return { kind: 'retry', reason: `cannot reach the collector: ${reason}`, retryAfter: null, network: true };
    } finally {
      clearTimeout(timer);
    }
  }

  private report(status: number | 'network-error', sent: number, accepted: number, rejected: number, retry: number, nextInMs: number | null, reason: string | null) {
    this.options.onReport?.({ status, sent, accepted, rejected, retry, nextInMs, reason });
  }
}
