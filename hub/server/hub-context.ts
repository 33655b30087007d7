// What every part of the hub is given: the store, the clock, the log, the long-poll
// waiters, the upload readers and the uploads queued for group commit, and the settings it was started with. No state of its own that matters: a
// second hub process on the same PostgreSQL has its own context and the same data.
import type { FastifyBaseLogger } from 'fastify';
import type { HubStore } from '../store/open-store.ts';
import type { IngestQueue } from '../store/queries/ingest-queue.ts';
import type { Clock } from './clock.ts';
import type { UploadReaders } from './ingest/upload-readers.ts';
import type { CommandWaiters } from './routes/kiosk/command-waiters.ts';

export interface HubOptions {
  /** The URL the hub is reached at, for the set-up link and the start-up message. */
  publicUrl: string;
  /** Check every answer against its declaration (tests). */
  checkResponses: boolean;
  /** A session lasts this long without use. */
  sessionIdleMs: number;
  /** Console files (the built console); null: the console is not served. */
  consoleDir: string | null;
  /** A kiosk is online when its last heartbeat is younger than this. */
  onlineWithinMs: number;
  /** Raw events are deleted this many days after they arrived (0: kept for ever); rollups stay. */
  eventRetentionDays: number;
  /** The hub's own folder (SQLite file, the key file that encrypts its pack signing key). */
  dataDir: string;
  /** Where content packs are kept; shared storage when several hub processes serve one database. */
  packDir: string;
  /** Worker threads that read uploads, when the hub runs bundled (null: one per core but one; 0: inline). */
  uploadThreads: number | null;
}

export interface HubContext {
  store: HubStore;
  clock: Clock;
  log: FastifyBaseLogger;
  waiters: CommandWaiters;
  /** Reads uploads (on worker threads in the bundled hub). */
  uploadReaders: UploadReaders;
  /** Stores them, with group commit. */
  ingestQueue: IngestQueue;
  options: HubOptions;
}

export const DEFAULT_HUB_OPTIONS: Omit<HubOptions, 'publicUrl'> = {
  checkResponses: false,
  sessionIdleMs: 12 * 3_600_000,
  consoleDir: null,
  onlineWithinMs: 5 * 60_000,
  eventRetentionDays: Number(process.env.HUB_EVENT_RETENTION_DAYS ?? 0),
  dataDir: 'hub-data',
  packDir: process.env.HUB_PACK_DIR || 'hub-data/packs',
  uploadThreads: process.env.HUB_UPLOAD_THREADS ? Number(process.env.HUB_UPLOAD_THREADS) : null,
};
