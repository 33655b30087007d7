// Sends the outbox to the collector, one window at a time (Web Locks): reads batches,
// encodes and posts them, writes the answer to the outbox and waits between attempts,
// reading the next full batch while the previous one is on its way. What to send, what
// to settle, how long to wait and what to report is decided by upload-rules.ts.
import { batchBody, batchEndpoint, gzipText } from './batch-request.ts';
import type { UploadVerdict } from './batch-response.ts';
import { realClock, type Clock } from './clock.ts';
import { MAX_BATCH_BYTES } from './envelope.ts';
import type { Outbox } from './outbox.ts';
import type { OutboxEvent } from './outbox-db.ts';
import { postBatch } from './post-batch.ts';
import { UPLOAD_LOCK, webLock, type LockRunner } from './upload-lock.ts';
import {
  DEFAULT_BACKOFF,
  keepsReadAhead,
  nextBatch,
  onAnswer,
  onBatchRead,
  onEmptyOutbox,
  onUploaderError,
  readsAhead,
  rowsToRead,
  startProgress,
  type BackoffPolicy,
  type Step,
  type UploadProgress,
  type UploadReport,
  type UploadRules,
  type Wait,
  type Waker,
} from './upload-rules.ts';

// Named by the options below: callers (tests, benchmarks) import them with the Uploader.
export type { Clock, LockRunner, UploadReport };

export type UploaderState = 'waiting-for-lock' | 'idle' | 'sending' | 'backoff' | 'stopped';

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

/** A batch read from the outbox and encoded, ready to post. */
interface Prepared {
  batch: OutboxEvent[];
  payload: Uint8Array | string;
}

export class Uploader {
  state: UploaderState = 'waiting-for-lock';
  lastAttemptAt: number | null = null;
  nextAttemptAt: number | null = null;

  private readonly endpoint: string;
  private readonly maxBytes: number;
  private readonly clock: Clock;
  private readonly rules: UploadRules;
  private progress: UploadProgress;
  private stopped = false;
  private readonly stopSignal = new AbortController();
  /** Aborted when new events arrive, and when the network comes back; renewed before each step. */
  private readonly wakers: Record<Waker, AbortController> = { 'new-events': new AbortController(), 'network-back': new AbortController() };
  private running: Promise<void> | null = null;
  /**
   * While a full batch is on its way, the next one is read and compressed, and the
   * previous one is settled while the next is on its way: one upload at a time, but the
   * disk and the network overlap when draining a backlog.
   */
  private prefetch: Promise<Prepared | null> | null = null;
  private settling: Promise<void> = Promise.resolve();
  private readonly onOnline = () => this.wakers['network-back'].abort();

  constructor(private readonly options: UploaderOptions) {
    this.endpoint = batchEndpoint(options.url);
    this.maxBytes = options.maxBytes ?? MAX_BATCH_BYTES;
    this.clock = options.clock ?? realClock;
    this.rules = {
      maxEvents: options.maxEvents ?? 500,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      lingerMs: options.lingerMs ?? 500,
      idlePollMs: options.idlePollMs ?? 30_000,
      random: options.random ?? Math.random,
    };
    this.progress = startProgress(this.rules);
  }

  /** Why the last attempt failed, or the outbox could not be updated; null after a clean upload. */
  get lastError(): string | null {
    return this.progress.lastError;
  }

  start(): void {
    if (this.running) return;
    this.options.connectivity?.addEventListener('online', this.onOnline);
    const lock = this.options.lock ?? webLock;
    this.running = lock(UPLOAD_LOCK, () => this.loop(), this.stopSignal.signal).catch((err: unknown) => {
      // Stopped while another window held the lock: nothing went wrong.
      if (!this.stopSignal.signal.aborted) this.noteError(`uploader stopped: ${String(err)}`);
    });
  }

  /** New events to send: ends an idle wait (never a backoff). */
  wake(): void {
    this.wakers['new-events'].abort();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.options.connectivity?.removeEventListener('online', this.onOnline);
    this.stopSignal.abort();
    await this.running;
    await this.settling;
    this.state = 'stopped';
  }

  private noteError(message: string): void {
    this.progress = { ...this.progress, lastError: message };
  }

  /** Runs while this window holds the upload lock; an error (the disk, say) costs a backoff, never the uploader. */
  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.uploadUntilStopped();
      } catch (err) {
        this.prefetch = null;
        await this.follow(onUploaderError(this.progress, this.rules, (err as Error).message));
      }
    }
  }

  private async uploadUntilStopped(): Promise<void> {
    while (!this.stopped) {
      for (const waker of Object.keys(this.wakers) as Waker[]) {
        if (this.wakers[waker].signal.aborted) this.wakers[waker] = new AbortController();
      }
      const prepared = await this.takePrefetch();
      const batch = prepared?.batch ?? (await this.readBatch());
      if (batch.length === 0) {
        await this.follow(onEmptyOutbox(this.progress, this.rules));
        continue;
      }
      const read = onBatchRead(this.progress, this.rules, batch.length);
      await this.follow(read);
      if (read.wait) continue;
      this.state = 'sending';
      const verdict = await this.send(prepared ?? (await this.prepare(batch)));
      if (this.stopped) break;
      await this.settle(batch, verdict);
    }
  }

  /** Takes a decision's progress, then waits as it says. */
  private async follow(step: Step): Promise<void> {
    this.progress = step.progress;
    if (step.wait) await this.wait(step.wait);
  }

  private async wait({ ms, state, cutBy }: Wait): Promise<void> {
    this.state = state;
    this.nextAttemptAt = this.clock.now() + ms;
    await this.clock.sleep(ms, AbortSignal.any([this.stopSignal.signal, ...cutBy.map((waker) => this.wakers[waker].signal)]));
    this.nextAttemptAt = null;
  }

  private async takePrefetch(): Promise<Prepared | null> {
    const next = this.prefetch;
    this.prefetch = null;
    return next ? await next : null;
  }

  /** The oldest events, as the rules pick them (a suspect left out). */
  private async readBatch(): Promise<OutboxEvent[]> {
    await this.settling;
    return nextBatch(this.progress, await this.options.outbox.peek(rowsToRead(this.progress), this.maxBytes));
  }

  /**
   * Encodes a batch for one attempt. sentAt is the moment of encoding: at most one
   * round trip before the post when the batch was read ahead.
   */
  private async prepare(batch: OutboxEvent[]): Promise<Prepared> {
    const body = batchBody(batch.map((row) => row.json), new Date(this.clock.now()).toISOString(), this.options.writeKey);
    return { batch, payload: (this.options.gzip ?? true) ? await gzipText(body) : body };
  }

  /** Reads and encodes the batch after `afterId`, if a full one is waiting; null when not (or when reading fails). */
  private async prepareNext(afterId: number): Promise<Prepared | null> {
    const batch = await this.options.outbox.peek(this.rules.maxEvents, this.maxBytes, afterId);
    return batch.length === this.rules.maxEvents ? this.prepare(batch) : null;
  }

  private async send({ batch, payload }: Prepared): Promise<UploadVerdict> {
    this.lastAttemptAt = this.clock.now();
    const answer = postBatch({
      endpoint: this.endpoint,
      payload,
      writeKey: this.options.writeKey,
      messageIds: batch.map((row) => row.messageId),
      timeoutMs: this.options.timeoutMs ?? 30_000,
      signal: this.stopSignal.signal,
      fetchImpl: this.options.fetchImpl ?? fetch.bind(globalThis),
    });
    // A full batch went out and more may be waiting: read the next one meanwhile.
    if (readsAhead(this.progress, this.rules, batch.length)) this.prefetch = this.prepareNext(batch.at(-1)!.id).catch(() => null);
    const verdict = await answer;
    if (!keepsReadAhead(verdict)) this.prefetch = null;
    return verdict;
  }

  /** Acts on the collector's answer: the outbox first, then the report, then the wait. */
  private async settle(batch: OutboxEvent[], verdict: UploadVerdict): Promise<void> {
    const next = onAnswer(this.progress, this.rules, batch, verdict, this.clock.now());
    this.progress = next.progress;
    const { write } = next;
    if (write) {
      const { outbox } = this.options;
      // Settled in the background when the next batch is already on its way; a write that
      // fails leaves the events in the outbox, and the collector turns the re-sends away.
      this.settling = this.settling
        .then(() => (write === 'success' ? outbox.markSuccess() : outbox.settle(write)))
        .catch((err: unknown) => this.noteError(`could not update the outbox: ${(err as Error).message}`));
      if (!this.prefetch) await this.settling;
    }
    this.options.onReport?.(next.report);
    if (next.wait) await this.wait(next.wait);
  }
}
