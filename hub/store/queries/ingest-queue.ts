// Group commit for uploads: the uploads that come in together, or while a transaction is
// being written, are stored by the next transaction all at once — one commit (one fsync)
// and one set of rollup statements for many uploads, where a busy fleet would otherwise
// pay both for each. A quiet hub stores an upload at once, alone. No upload is answered
// before its transaction commits. If a shared transaction fails, each of its uploads is
// tried again alone, so one that cannot be stored fails alone.
import type { HubStore } from '../open-store.ts';
import { ingestBatches, type IngestBatch, type IngestOutcome } from './ingest.ts';

export interface IngestQueueOptions {
  /** Transactions written at once: SQLite has one writer; PostgreSQL takes several. */
  parallel: number;
  /** A shared transaction stops taking uploads once it holds this many events. */
  maxEvents: number;
}

export interface IngestQueue {
  /** Stores the upload; resolves once it is committed. */
  ingest(batch: IngestBatch): Promise<IngestOutcome>;
  /** Uploads waiting or being written. */
  pending(): number;
}

interface Waiting {
  batch: IngestBatch;
  resolve: (outcome: IngestOutcome) => void;
  reject: (err: unknown) => void;
}

const size = (b: IngestBatch) => b.accepted.length + b.rejected.length;

export function defaultQueueOptions(store: HubStore): IngestQueueOptions {
  return { parallel: store.dialect === 'postgres' ? 2 : 1, maxEvents: 5_000 };
}

export function createIngestQueue(store: HubStore, options: IngestQueueOptions = defaultQueueOptions(store)): IngestQueue {
  const queue: Waiting[] = [];
  let writing = 0;
  let inFlight = 0;
  let scheduled = false;

  /** The next group: the first upload, then as many more as fit under maxEvents. */
  function take(): Waiting[] {
    const group = [queue.shift()!];
    let events = size(group[0]!.batch);
    while (queue.length > 0 && events + size(queue[0]!.batch) <= options.maxEvents) {
      const next = queue.shift()!;
      events += size(next.batch);
      group.push(next);
    }
    return group;
  }

  async function write(group: Waiting[]): Promise<void> {
    try {
      const outcomes = await ingestBatches(store, group.map((w) => w.batch));
      group.forEach((w, i) => w.resolve(outcomes[i]!));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      for (const w of group) {
        await ingestBatches(store, [w.batch]).then(
          ([outcome]) => w.resolve(outcome!),
          (alone: unknown) => w.reject(alone),
        );
      }
    }
  }

  async function run(): Promise<void> {
    writing++;
    try {
      while (queue.length > 0) {
        const group = take();
        await write(group);
        inFlight -= group.length;
      }
    } finally {
      writing--;
    }
  }

  /**
   * Starts a writer after the uploads whose bodies came in with this one have been read:
   * SQLite writes without yielding to the network, so uploads only gather while it waits
   * for the rest of this turn of the event loop.
   */
  function schedule(): void {
    if (scheduled || writing >= options.parallel || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void run();
      schedule();
    });
  }

  return {
    ingest(batch) {
      return new Promise<IngestOutcome>((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        inFlight++;
        schedule();
      });
    },
    pending: () => inFlight,
  };
}
