// The collector's storage: SQLite (better-sqlite3), one file. A messageId is stored
// once, ever (primary key, rows never deleted), so a kiosk that retries after a lost
// answer cannot create a duplicate. Per device it can tell which seq numbers are
// missing, which the kiosk itself reported as dropped, and which it rejected.
import Database from 'better-sqlite3';
import { checkTrackMessage as checkMessage } from '../../content/schema/hub-api/track-message.ts';
import { countRanges, mergeRanges, subtractRanges, type SeqRange } from '../../hub/store/seq-ranges.ts';

export type EventStatus = 'accepted' | 'duplicate' | 'rejected' | 'retry';

export interface EventResult {
  messageId: string | null;
  status: EventStatus;
  reason?: string;
}

export interface DeviceHealth {
  deviceId: string;
  storeId: string | null;
  events: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Seq numbers below lastSeq that never arrived and are not explained (dropped or rejected): lost or still on the way. */
  missing: { count: number; ranges: SeqRange[] };
  /** Seq numbers the kiosk said it shed at its byte budget ("Events Dropped"). */
  dropped: { count: number; ranges: SeqRange[] };
  rejected: number;
  /** The same seq stored under two messageIds: a kiosk bug (or a wiped kiosk database). */
  seqConflicts: number;
  /** Re-sent messages the unique messageId turned away. */
  duplicatesReceived: number;
  lastSeenAt: string | null;
  /** The properties of the device's latest "Kiosk Heartbeat". */
  lastHeartbeat: Record<string, unknown> | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  message_id   TEXT NOT NULL PRIMARY KEY,
  device_id    TEXT,
  seq          INTEGER,
  event        TEXT NOT NULL,
  received_at  INTEGER NOT NULL,
  body         TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_device_seq ON events (device_id, seq);
CREATE TABLE IF NOT EXISTS rejected (
  id           INTEGER PRIMARY KEY,
  message_id   TEXT UNIQUE,
  device_id    TEXT,
  seq          INTEGER,
  reason       TEXT NOT NULL,
  received_at  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rejected_device_seq ON rejected (device_id, seq);
CREATE TABLE IF NOT EXISTS dropped (
  message_id   TEXT NOT NULL,
  device_id    TEXT NOT NULL,
  from_seq     INTEGER NOT NULL,
  to_seq       INTEGER NOT NULL,
  PRIMARY KEY (message_id, from_seq)
);
CREATE TABLE IF NOT EXISTS devices (
  device_id    TEXT NOT NULL PRIMARY KEY,
  store_id     TEXT,
  duplicates   INTEGER NOT NULL DEFAULT 0,
  last_seen_at INTEGER,
  last_heartbeat TEXT
);
`;

export class CollectorStore {
  readonly db: Database.Database;
  /** Events stored since this store was opened (cheap to poll, unlike count(*)). */
  storedSinceOpen = 0;
  private readonly insertEvent: Database.Statement;
  private readonly insertRejected: Database.Statement;
  private readonly insertDropped: Database.Statement;
  private readonly touchDevice: Database.Statement;
  private readonly countDuplicate: Database.Statement;
  private readonly saveHeartbeat: Database.Statement;

  constructor(file = ':memory:') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // An acknowledged event must survive a power cut: fsync before answering.
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (message_id, device_id, seq, event, received_at, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING',
    );
    this.insertRejected = this.db.prepare(
      'INSERT INTO rejected (message_id, device_id, seq, reason, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING',
    );
    this.insertDropped = this.db.prepare('INSERT OR IGNORE INTO dropped (message_id, device_id, from_seq, to_seq) VALUES (?, ?, ?, ?)');
    this.touchDevice = this.db.prepare(
      `INSERT INTO devices (device_id, store_id, last_seen_at) VALUES (?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, store_id = COALESCE(excluded.store_id, store_id)`,
    );
    this.countDuplicate = this.db.prepare('UPDATE devices SET duplicates = duplicates + 1 WHERE device_id = ?');
    this.saveHeartbeat = this.db.prepare('UPDATE devices SET last_heartbeat = ? WHERE device_id = ?');
  }

  /** Validates and stores one batch in one transaction; returns one result per message. */
  ingest(messages: readonly unknown[], receivedAt = Date.now()): EventResult[] {
    return this.db.transaction(() => messages.map((raw) => this.ingestOne(raw, receivedAt)))();
  }

  private ingestOne(raw: unknown, receivedAt: number): EventResult {
    const checked = checkMessage(raw);
    if (!checked.ok) {
      this.insertRejected.run(checked.messageId, checked.deviceId, checked.seq, checked.reason, receivedAt);
      return { messageId: checked.messageId, status: 'rejected', reason: checked.reason };
    }
    const m = checked.message;
    const kiosk = m.context?.kiosk;
    const deviceId = kiosk?.deviceId ?? null;
    if (deviceId) this.touchDevice.run(deviceId, typeof kiosk?.storeId === 'string' ? kiosk.storeId : null, receivedAt);
    const stored = this.insertEvent.run(m.messageId, deviceId, kiosk?.seq ?? null, m.event, receivedAt, checked.json).changes === 1;
    if (!stored) {
      if (deviceId) this.countDuplicate.run(deviceId);
      return { messageId: m.messageId, status: 'duplicate' };
    }
    this.storedSinceOpen += 1;
    if (deviceId && m.event === 'Events Dropped') {
      for (const [from, to] of readRanges(m.properties?.seq_ranges)) this.insertDropped.run(m.messageId, deviceId, from, to);
    }
    if (deviceId && m.event === 'Kiosk Heartbeat') this.saveHeartbeat.run(JSON.stringify(m.properties ?? {}), deviceId);
    return { messageId: m.messageId, status: 'accepted' };
  }

  devices(): string[] {
    return (this.db.prepare('SELECT device_id FROM devices ORDER BY device_id').all() as { device_id: string }[]).map((r) => r.device_id);
  }

  deviceHealth(deviceId: string): DeviceHealth | null {
    const device = this.db.prepare('SELECT * FROM devices WHERE device_id = ?').get(deviceId) as
      | { store_id: string | null; duplicates: number; last_seen_at: number | null; last_heartbeat: string | null }
      | undefined;
    if (!device) return null;
    const summary = this.db
      .prepare('SELECT count(*) AS n, min(seq) AS first, max(seq) AS last FROM events WHERE device_id = ?')
      .get(deviceId) as { n: number; first: number | null; last: number | null };
    // Holes in the seq numbers that arrived or were rejected, counting from 1.
    const holes = this.db
      .prepare(
        `SELECT prev + 1 AS from_seq, seq - 1 AS to_seq FROM (
           SELECT seq, LAG(seq, 1, 0) OVER (ORDER BY seq) AS prev FROM (
             SELECT seq FROM events WHERE device_id = @device AND seq IS NOT NULL
             UNION SELECT seq FROM rejected WHERE device_id = @device AND seq IS NOT NULL))
         WHERE seq - prev > 1`,
      )
      .all({ device: deviceId }) as { from_seq: number; to_seq: number }[];
    const dropped = mergeRanges(
      (this.db.prepare('SELECT from_seq, to_seq FROM dropped WHERE device_id = ? ORDER BY from_seq').all(deviceId) as { from_seq: number; to_seq: number }[]).map(
        (r): SeqRange => [r.from_seq, r.to_seq],
      ),
    );
    const missing = subtractRanges(
      holes.map((h): SeqRange => [h.from_seq, h.to_seq]),
      dropped,
    );
    const conflicts = this.db
      .prepare('SELECT count(*) AS n FROM (SELECT seq FROM events WHERE device_id = ? AND seq IS NOT NULL GROUP BY seq HAVING count(*) > 1)')
      .get(deviceId) as { n: number };
    const rejected = this.db.prepare('SELECT count(*) AS n FROM rejected WHERE device_id = ?').get(deviceId) as { n: number };
    return {
      deviceId,
      storeId: device.store_id,
      events: summary.n,
      firstSeq: summary.first,
      lastSeq: summary.last,
      missing: { count: countRanges(missing), ranges: missing.slice(0, 100) },
      dropped: { count: countRanges(dropped), ranges: dropped.slice(0, 100) },
      rejected: rejected.n,
      seqConflicts: conflicts.n,
      duplicatesReceived: device.duplicates,
      lastSeenAt: device.last_seen_at === null ? null : new Date(device.last_seen_at).toISOString(),
      lastHeartbeat: device.last_heartbeat ? (JSON.parse(device.last_heartbeat) as Record<string, unknown>) : null,
    };
  }

  eventCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}

function readRanges(value: unknown): SeqRange[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is SeqRange => Array.isArray(r) && r.length === 2 && Number.isSafeInteger(r[0]) && Number.isSafeInteger(r[1]) && r[0] >= 1 && r[0] <= r[1],
  );
}
