// The outbox's IndexedDB database. Kiosks in the field upgrade in place: never edit or
// remove a version() below; add the next one with an upgrade() that rewrites old rows.
import { Dexie, type EntityTable } from 'dexie';
import type { ShedRank } from './event-value.ts';

/** One event waiting for the collector's acknowledgement. */
export interface OutboxEvent {
  /** Order in this outbox (the primary key). */
  id: number;
  /** The device's seq number, as in the message. */
  seq: number;
  deviceId: string;
  messageId: string;
  rank: ShedRank;
  event: string;
  /** UTF-8 length of `json`. */
  bytes: number;
  /** originalTimestamp as epoch ms (for the oldest unsent age). */
  at: number;
  /** The Segment message as sent, without sentAt. */
  json: string;
}

/** An event that can never be delivered (too large, or the collector rejected it for good). */
export interface QuarantinedEvent {
  id?: number;
  at: number;
  reason: string;
  event: string;
  /** null when it never got one (refused before numbering). */
  seq: number | null;
  bytes: number;
  /** The message, cut to QUARANTINE_KEEP_BYTES characters. */
  json: string;
}

/** Seq numbers shed since the last "Events Dropped" report. */
export interface PendingDrops {
  count: number;
  ranges: [number, number][];
  byEvent: Record<string, number>;
}

export interface OutboxState {
  key: 'state';
  /** The last id handed out (ids order the outbox). */
  lastId: number;
  /**
   * The last seq handed out per device id. Seq is per device: if the host's device id
   * ever changes while the outbox lives on, the new id starts its own run at 1.
   */
  lastSeqs: Record<string, number>;
  /** Sum of `bytes` over the events table. */
  bytes: number;
  shedTotal: number;
  quarantinedTotal: number;
  /** Per device id. */
  pendingDrops: Record<string, PendingDrops>;
  lastSuccessAt: number | null;
}

export const EMPTY_STATE: OutboxState = {
  key: 'state',
  lastId: 0,
  lastSeqs: {},
  bytes: 0,
  shedTotal: 0,
  quarantinedTotal: 0,
  pendingDrops: {},
  lastSuccessAt: null,
};

export type OutboxDb = Dexie & {
  events: EntityTable<OutboxEvent, 'id'>;
  quarantine: EntityTable<QuarantinedEvent, 'id'>;
  meta: EntityTable<OutboxState, 'key'>;
};

export const OUTBOX_DB_NAME = 'kiosk-outbox';

/** The schema history, oldest first. */
export function declareOutboxVersions(db: Dexie): void {
  db.version(1).stores({
    events: 'id, [rank+id]',
    quarantine: '++id, at',
    meta: 'key',
  });
}

/**
 * Opens the outbox. Every write is committed with strict durability (flushed to disk)
 * before the promise that wrote it resolves.
 */
export function openOutboxDb(name = OUTBOX_DB_NAME): OutboxDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as OutboxDb;
  declareOutboxVersions(db);
  return db;
}
