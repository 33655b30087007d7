// A kiosk's outbox and uploader (the real renderer code, on fake-indexeddb in Node)
// wired to a real hub (through the fault proxy), for the delivery tests and the
// simulated-outage benchmark. Import 'fake-indexeddb/auto' before this module.
import { createTracker } from '../../renderer/src/events/create-tracker.ts';
import { Outbox } from '../../renderer/src/events/outbox.ts';
import { openOutboxDb } from '../../renderer/src/events/outbox-db.ts';
import { TEST_SOURCE, uniqueDbName } from '../../renderer/src/events/test-outbox.ts';
import { Uploader, type Clock, type LockRunner, type UploaderOptions, type UploadReport } from '../../renderer/src/events/uploader.ts';

/** Time that passes only when the uploader waits: a 48-hour outage takes seconds. */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(
    public t: number,
    private readonly onAdvance: (t: number) => void | Promise<void> = () => undefined,
  ) {}
  now = () => this.t;
  sleep = async (ms: number, signal: AbortSignal) => {
    this.sleeps.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) return;
    this.t += ms;
    await this.onAdvance(this.t);
  };
}

/** Waits that end only when the test says so, so a test can look at what the uploader is waiting for. */
export class ManualClock implements Clock {
  readonly waits: { ms: number; signal: AbortSignal; end: () => void }[] = [];
  now = () => Date.now();
  sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const end = () => resolve();
      this.waits.push({ ms, signal, end });
      // As the real clock: a wait asked for after its signal aborted (the kiosk stopping
      // while the uploader read the outbox) ends at once; the abort event will not come again.
      if (signal.aborted) return end();
      signal.addEventListener('abort', end, { once: true });
    });
  get current() {
    return this.waits.at(-1);
  }
}

/**
 * One lock for every uploader in this process (what navigator.locks gives windows of one
 * origin): a waiter whose signal aborts gives up its place, as navigator.locks does.
 */
export function processLock(): LockRunner {
  let tail: Promise<void> = Promise.resolve();
  return (_name, task, signal) => {
    const turn = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    return new Promise<void>((resolve, reject) => {
      const abort = () => {
        reject(new DOMException('the lock request was aborted', 'AbortError'));
        void turn.then(release);
      };
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      void turn.then(() => {
        if (signal.aborted) return;
        signal.removeEventListener('abort', abort);
        task().then(resolve, reject).finally(release);
      });
    });
  };
}

export interface TestKiosk {
  outbox: Outbox;
  tracker: ReturnType<typeof createTracker>;
  uploader: Uploader;
  reports: UploadReport[];
  connectivity: EventTarget;
  stop(): Promise<void>;
}

/** The device id the test kiosks' events carry (the hub takes ids of 8 characters or more). */
export const TEST_DEVICE_ID = 'test-kiosk-0001';

/**
 * A kiosk posting to `url` (the hub, or the fault proxy in front of it) with the write key
 * given in `options` — for the hub, the kiosk's credential from HubRig.enrol(TEST_DEVICE_ID).
 */
export function testKiosk(url: string, options: Partial<UploaderOptions> & { dbName?: string; now?: () => number } = {}): TestKiosk {
  const outbox = new Outbox(openOutboxDb(options.dbName ?? uniqueDbName('delivery')), { budgetBytes: 500_000_000, now: options.now });
  const tracker = createTracker(outbox, { ...TEST_SOURCE, deviceId: TEST_DEVICE_ID, now: options.now });
  const reports: UploadReport[] = [];
  const connectivity = new EventTarget();
  const uploader = new Uploader({
    lingerMs: 0,
    timeoutMs: 1_000,
    backoff: { baseMs: 5, capMs: 40, maxRetryAfterMs: 60_000 },
    lock: processLock(),
    connectivity,
    ...options,
    outbox,
    url,
    onReport: (r) => reports.push(r),
  });
  outbox.onCommitted(() => uploader.wake());
  return {
    outbox,
    tracker,
    uploader,
    reports,
    connectivity,
    async stop() {
      await uploader.stop();
      outbox.close();
    },
  };
}
