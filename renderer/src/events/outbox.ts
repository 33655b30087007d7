// The outbox: engagement events on disk until the collector acknowledges them.
//
// - append() resolves only after the event is committed with strict durability. Calls
//   made while a commit is in flight are written together in the next one (group
//   commit), so thousands of events a second cost a handful of disk flushes.
// - Every stored event gets the next seq of its device in the same transaction that
//   stores it, so seq has no gaps, even across crashes.
// - An event that cannot be sent (too large, not JSON, rejected by the collector) goes
//   to the quarantine table instead of blocking the others.
// - Above the byte budget the lowest-value events are shed, oldest first; every shed
//   event is counted and its seq kept for the next "Events Dropped" report.
import { Dexie } from 'dexie';
import { MAX_EVENT_BYTES, numberMessage, SENT_AT_BYTES, utf8Length, type DraftMessage } from './envelope.ts';
import { shedRank, type ShedRank } from './event-value.ts';
import { EMPTY_STATE, type OutboxDb, type OutboxEvent, type OutboxState, type PendingDrops, type QuarantinedEvent } from './outbox-db.ts';
import { addSeq, countSeqs, removeSeq, type SeqRange } from './seq-ranges.ts';

/** Quarantined rows keep this much of the message, for someone to look at. */
export const QUARANTINE_KEEP_CHARS = 4096;
/** The quarantine table keeps the newest rows only (its total is counted regardless). */
export const QUARANTINE_MAX_ROWS = 1000;
/** Most events written in one transaction. */
const MAX_GROUP = 2000;
/** An "Events Dropped" report lists at most this many seq ranges. */
export const MAX_REPORTED_RANGES = 1000;

export interface OutboxOptions {
  budgetBytes: number;
  now?: () => number;
}

export interface OutboxStats {
  queueDepth: number;
  queueBytes: number;
  /** originalTimestamp (epoch ms) of the oldest unsent event. */
  oldestAt: number | null;
  shedTotal: number;
  quarantinedTotal: number;
  lastSuccessAt: number | null;
}

/** What the collector said about the events of one upload. */
export interface Settlement {
  accepted: readonly OutboxEvent[];
  rejected: readonly { row: OutboxEvent; reason: string }[];
}

interface Pending {
  draft: DraftMessage;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class Outbox {
  private pending: Pending[] = [];
  private flushing = false;
  private readonly committedListeners = new Set<() => void>();
  private readonly now: () => number;

  constructor(
    readonly db: OutboxDb,
    private readonly options: OutboxOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Stores the event; resolves once it is on disk. */
  append(draft: DraftMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ draft, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let the calls made in this task join the first commit.
        queueMicrotask(() => void this.flush());
      }
    });
  }

  /** Called after every commit that added events (to wake the uploader). */
  onCommitted(listener: () => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, MAX_GROUP);
      try {
        await this.commit(group.map((p) => p.draft));
        for (const p of group) p.resolve();
      } catch (err) {
        for (const p of group) p.reject(err);
      }
      for (const listener of this.committedListeners) listener();
    }
    this.flushing = false;
  }

  private async commit(drafts: DraftMessage[]): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.events, db.quarantine, db.meta, async () => {
      const state = await this.readState();
      const rows: OutboxEvent[] = [];
      const refused: QuarantinedEvent[] = [];
      for (const draft of drafts) {
        const device = draft.context.kiosk.deviceId;
        const seq = (state.lastSeqs[device] ?? 0) + 1;
        let json: string;
        try {
          json = numberMessage(draft, seq);
        } catch (err) {
          refused.push(this.quarantineRow(draft.event, null, '', `properties are not JSON: ${(err as Error).message}`));
          continue;
        }
        const bytes = utf8Length(json);
        // Measured as it will be sent, with sentAt, so the collector never refuses it for size.
        if (bytes + SENT_AT_BYTES > MAX_EVENT_BYTES) {
          refused.push(this.quarantineRow(draft.event, null, json, `too large: ${bytes + SENT_AT_BYTES} bytes as sent, the limit is ${MAX_EVENT_BYTES}`));
          continue;
        }
        state.lastSeqs[device] = seq;
        state.bytes += bytes;
        rows.push(this.row(state, draft, seq, json, bytes));
      }
      if (rows.length > 0) await db.events.bulkAdd(rows);
      if (refused.length > 0) await this.addToQuarantine(state, refused);
      if (state.bytes > this.options.budgetBytes) await this.shed(state);
      await db.meta.put(state);
    });
  }

  /** Deletes the lowest-value events, oldest first, until the outbox fits its budget. */
  private async shed(state: OutboxState): Promise<void> {
    const ranks: ShedRank[] = [0, 1];
    for (const rank of ranks) {
      while (state.bytes > this.options.budgetBytes) {
        const victims = await this.db.events
          .where('[rank+id]')
          .between([rank, Dexie.minKey], [rank, Dexie.maxKey])
          .limit(256)
          .toArray();
        if (victims.length === 0) break;
        const gone: number[] = [];
        for (const v of victims) {
          if (state.bytes <= this.options.budgetBytes) break;
          gone.push(v.id);
          state.bytes -= v.bytes;
          state.shedTotal += 1;
          const drops = (state.pendingDrops[v.deviceId] ??= { count: 0, ranges: [], byEvent: {} });
          drops.count += 1;
          drops.byEvent[v.event] = (drops.byEvent[v.event] ?? 0) + 1;
          addSeq(drops.ranges, v.seq);
        }
        await this.db.events.bulkDelete(gone);
      }
    }
  }

  /** The oldest events (after `afterId`), at most `maxCount` of them and `maxBytes` of JSON in all. */
  async peek(maxCount: number, maxBytes: number, afterId = 0): Promise<OutboxEvent[]> {
    const rows = await this.db.events.where('id').above(afterId).limit(maxCount).toArray();
    const batch: OutboxEvent[] = [];
    let bytes = 0;
    for (const row of rows) {
      const cost = row.bytes + SENT_AT_BYTES;
      if (batch.length > 0 && bytes + cost > maxBytes) break;
      batch.push(row);
      bytes += cost;
    }
    return batch;
  }

  /** Deletes what the collector accepted and quarantines what it rejected for good. */
  async settle({ accepted, rejected }: Settlement): Promise<void> {
    if (accepted.length === 0 && rejected.length === 0) return;
    const { db } = this;
    await db.transaction('rw', db.events, db.quarantine, db.meta, async () => {
      const state = await this.readState();
      const ids = [...accepted.map((r) => r.id), ...rejected.map((r) => r.row.id)];
      const present = new Set(await db.events.where('id').anyOf(ids).primaryKeys());
      for (const row of accepted) {
        const drops = state.pendingDrops[row.deviceId];
        if (present.has(row.id)) state.bytes -= row.bytes;
        else if (drops && removeSeq(drops.ranges, row.seq)) {
          // Shed while it was on its way, yet delivered: not a loss after all.
          drops.count -= 1;
          state.shedTotal -= 1;
          const left = (drops.byEvent[row.event] ?? 1) - 1;
          if (left > 0) drops.byEvent[row.event] = left;
          else delete drops.byEvent[row.event];
          if (drops.count === 0) delete state.pendingDrops[row.deviceId];
        }
      }
      const quarantined = rejected
        .filter((r) => present.has(r.row.id))
        .map((r) => {
          state.bytes -= r.row.bytes;
          return this.quarantineRow(r.row.event, r.row.seq, r.row.json, `rejected by the collector: ${r.reason}`);
        });
      await db.events.bulkDelete(ids);
      if (quarantined.length > 0) await this.addToQuarantine(state, quarantined);
      if (accepted.length > 0) state.lastSuccessAt = this.now();
      await db.meta.put(state);
    });
  }

  /** Records a successful upload that carried nothing to settle. */
  async markSuccess(): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      const state = await this.readState();
      state.lastSuccessAt = this.now();
      await this.db.meta.put(state);
    });
  }

  /**
   * If events were shed since the last report, stores the report that `make` builds
   * (an "Events Dropped" message) and clears them, in one transaction: one report per
   * device id whose events were shed, numbered in that device's seq.
   */
  async reportDrops(make: (drops: PendingDrops & { complete: boolean }) => DraftMessage): Promise<number> {
    const { db } = this;
    return db.transaction('rw', db.events, db.meta, async () => {
      const state = await this.readState();
      const rows: OutboxEvent[] = [];
      for (const [device, drops] of Object.entries(state.pendingDrops)) {
        if (drops.count === 0) continue;
        const ranges: SeqRange[] = drops.ranges.slice(0, MAX_REPORTED_RANGES);
        const complete = ranges.length === drops.ranges.length && countSeqs(ranges) === drops.count;
        const made = make({ count: drops.count, ranges, byEvent: drops.byEvent, complete });
        const draft: DraftMessage = { ...made, context: { ...made.context, kiosk: { ...made.context.kiosk, deviceId: device } } };
        const seq = (state.lastSeqs[device] ?? 0) + 1;
        const json = numberMessage(draft, seq);
        const bytes = utf8Length(json);
        state.lastSeqs[device] = seq;
        state.bytes += bytes;
        rows.push(this.row(state, draft, seq, json, bytes));
      }
      state.pendingDrops = {};
      if (rows.length > 0) await db.events.bulkAdd(rows);
      await db.meta.put(state);
      return rows.length;
    });
  }

  async stats(): Promise<OutboxStats> {
    const { db } = this;
    return db.transaction('r', db.events, db.meta, async () => {
      const state = await this.readState();
      const [queueDepth, oldest] = await Promise.all([db.events.count(), db.events.orderBy('id').first()]);
      return {
        queueDepth,
        queueBytes: state.bytes,
        oldestAt: oldest?.at ?? null,
        shedTotal: state.shedTotal,
        quarantinedTotal: state.quarantinedTotal,
        lastSuccessAt: state.lastSuccessAt,
      };
    });
  }

  /** The quarantined events, newest first (for someone diagnosing a kiosk). */
  quarantined(limit = 50): Promise<QuarantinedEvent[]> {
    return this.db.quarantine.orderBy('id').reverse().limit(limit).toArray();
  }

  close(): void {
    this.db.close();
  }

  private async readState(): Promise<OutboxState> {
    const stored = await this.db.meta.get('state');
    return stored ?? structuredClone(EMPTY_STATE);
  }

  /** The stored row for a numbered message; takes the next outbox id. */
  private row(state: OutboxState, draft: DraftMessage, seq: number, json: string, bytes: number): OutboxEvent {
    state.lastId += 1;
    return {
      id: state.lastId,
      seq,
      deviceId: draft.context.kiosk.deviceId,
      messageId: draft.messageId,
      rank: shedRank(draft.event),
      event: draft.event,
      bytes,
      at: Date.parse(draft.originalTimestamp),
      json,
    };
  }

  private quarantineRow(event: string, seq: number | null, json: string, reason: string): QuarantinedEvent {
    return { at: this.now(), reason, event, seq, bytes: utf8Length(json), json: json.slice(0, QUARANTINE_KEEP_CHARS) };
  }

  private async addToQuarantine(state: OutboxState, rows: QuarantinedEvent[]): Promise<void> {
    await this.db.quarantine.bulkAdd(rows);
    state.quarantinedTotal += rows.length;
    const excess = (await this.db.quarantine.count()) - QUARANTINE_MAX_ROWS;
    if (excess > 0) {
      const oldest = await this.db.quarantine.orderBy('id').limit(excess).primaryKeys();
      await this.db.quarantine.bulkDelete(oldest);
    }
  }
}
