import { describe, expect, it } from 'vitest';
import { interpretResponse, unreachable, type UploadVerdict } from './batch-response.ts';
import type { OutboxEvent } from './outbox-db.ts';
import {
  keepsReadAhead,
  nextBatch,
  onAnswer,
  onBatchRead,
  onEmptyOutbox,
  onUploaderError,
  readsAhead,
  rowsToRead,
  startProgress,
  type Suspect,
  type UploadProgress,
  type UploadRules,
} from './upload-rules.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');
/** random() is 0.5: every jittered wait is half its ceiling, 1 s · 2^failures, at most 60 s. */
const rules: UploadRules = {
  maxEvents: 8,
  backoff: { baseMs: 1_000, capMs: 60_000, maxRetryAfterMs: 3_600_000 },
  lingerMs: 500,
  idlePollMs: 30_000,
  random: () => 0.5,
};

function row(id: number): OutboxEvent {
  return { id, seq: id, deviceId: 'dev-1', messageId: `m${id}`, rank: 1, event: 'Promotion Viewed', bytes: 100, at: NOW, json: `{"n":${id}}` };
}
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => row(from + i));
const ids = (batch: readonly OutboxEvent[]) => batch.map((r) => r.messageId);

const fresh = startProgress(rules);
const progress = (p: Partial<UploadProgress>): UploadProgress => ({ ...fresh, ...p });
const took = (batch: readonly OutboxEvent[]): UploadVerdict => ({ kind: 'settled', accepted: ids(batch), rejected: [], retry: [] });
const REFUSED = 'HTTP 400: message 3 is invalid';
const refusedWhole: UploadVerdict = { kind: 'split', reason: REFUSED };
const httpError = (status: number, retryAfter: string | null = null): UploadVerdict => ({ kind: 'retry', reason: `HTTP ${status}: busy`, retryAfter, network: false });
const suspect = (id: number): Suspect => ({ row: row(id), reason: REFUSED });

describe('choosing what to send', () => {
  it('starts with full batches, no failures and nothing suspected', () => {
    expect(fresh).toEqual({ failures: 0, batchLimit: 8, suspect: null, idled: false, lastError: null });
    expect(rowsToRead(fresh)).toBe(8);
    expect(nextBatch(fresh, rows(1, 8))).toEqual(rows(1, 8));
  });

  it('leaves the suspect out, reading one event more so the batch stays as large as the limit', () => {
    const p = progress({ batchLimit: 4, suspect: suspect(3) });
    expect(rowsToRead(p)).toBe(5);
    expect(ids(nextBatch(p, rows(1, 5)))).toEqual(['m1', 'm2', 'm4', 'm5']);
    expect(ids(nextBatch(p, rows(4, 8)))).toEqual(['m4', 'm5', 'm6', 'm7']);
  });

  it('reads the next batch ahead only while full batches go out with nothing suspected', () => {
    expect(readsAhead(fresh, rules, 8)).toBe(true);
    expect(readsAhead(fresh, rules, 7)).toBe(false);
    expect(readsAhead(progress({ batchLimit: 4 }), rules, 8)).toBe(false);
    expect(readsAhead(progress({ suspect: suspect(3) }), rules, 8)).toBe(false);
  });

  it('sends the batch read ahead only when the collector took every event of the one before', () => {
    expect(keepsReadAhead(took(rows(1, 8)))).toBe(true);
    expect(keepsReadAhead({ kind: 'settled', accepted: ['m1'], rejected: [], retry: ['m2'] })).toBe(false);
    expect(keepsReadAhead({ kind: 'settled', accepted: ['m1'], rejected: [{ messageId: 'm2', reason: 'bad' }], retry: [] })).toBe(false);
    expect(keepsReadAhead(refusedWhole)).toBe(false);
    expect(keepsReadAhead(httpError(500))).toBe(false);
    expect(keepsReadAhead(unreachable('fetch failed'))).toBe(false);
  });
});

describe('waiting for events', () => {
  it('with nothing to send, idles until new events, the network coming back or the poll interval, and forgets past failures', () => {
    const step = onEmptyOutbox(progress({ failures: 3, lastError: 'HTTP 500: busy' }), rules);
    expect(step.wait).toEqual({ ms: 30_000, state: 'idle', cutBy: ['new-events', 'network-back'] });
    expect(step.progress).toEqual(progress({ failures: 0, idled: true, lastError: 'HTTP 500: busy' }));
  });

  it('just woken from idle, lets a batch that is not full linger once, so the rest of a burst joins it', () => {
    const woken = onEmptyOutbox(fresh, rules).progress;
    const first = onBatchRead(woken, rules, 3);
    expect(first.wait).toEqual({ ms: 500, state: 'idle', cutBy: [] });
    expect(onBatchRead(first.progress, rules, 5).wait).toBeNull();
  });

  it('sends at once a batch that is full at the current limit, one read while busy, and any batch when lingering is off', () => {
    const woken = onEmptyOutbox(fresh, rules).progress;
    expect(onBatchRead(woken, rules, 8).wait).toBeNull();
    expect(onBatchRead({ ...woken, batchLimit: 2 }, rules, 2).wait).toBeNull();
    expect(onBatchRead(fresh, rules, 3).wait).toBeNull();
    expect(onBatchRead(woken, { ...rules, lingerMs: 0 }, 3).wait).toBeNull();
  });

  it('an error of its own (the disk, say) costs a backoff like a failed attempt, and forgets that it idled', () => {
    const step = onUploaderError(progress({ failures: 1, idled: true }), rules, 'DatabaseClosedError');
    expect(step.wait).toEqual({ ms: 2_000, state: 'backoff', cutBy: [] });
    expect(step.progress).toEqual(progress({ failures: 2, idled: false, lastError: 'uploader error: DatabaseClosedError' }));
  });
});

describe('settling what the collector answered for each event', () => {
  it('deletes the accepted events and quarantines the rejected ones with their reason, then carries on at once', () => {
    const verdict: UploadVerdict = { kind: 'settled', accepted: ['m1', 'm2', 'm4'], rejected: [{ messageId: 'm3', reason: 'event: too long' }], retry: [] };
    const out = onAnswer(progress({ failures: 2, lastError: 'HTTP 500: busy' }), rules, rows(1, 4), verdict, NOW);
    expect(out.write).toEqual({ accepted: [row(1), row(2), row(4)], rejected: [{ row: row(3), reason: 'event: too long' }] });
    expect(out.report).toEqual({ status: 200, sent: 4, accepted: 3, rejected: 1, retry: 0, nextInMs: null, reason: null });
    expect(out.wait).toBeNull();
    expect(out.progress).toEqual(progress({ failures: 0, lastError: null }));
  });

  it('settles only events of the batch', () => {
    const out = onAnswer(fresh, rules, rows(1, 2), { kind: 'settled', accepted: ['m1', 'm2', 'm9'], rejected: [{ messageId: 'm8', reason: 'x' }], retry: [] }, NOW);
    expect(out.write).toEqual({ accepted: rows(1, 2), rejected: [] });
  });

  it('after a partial success, settles what got through and backs off from the first failure again', () => {
    const out = onAnswer(progress({ failures: 5 }), rules, rows(1, 4), { kind: 'settled', accepted: ['m1', 'm2'], rejected: [], retry: ['m3', 'm4'] }, NOW);
    expect(out.write).toEqual({ accepted: rows(1, 2), rejected: [] });
    const reason = 'the collector asked to retry 2 of 4 events';
    expect(out.report).toEqual({ status: 200, sent: 4, accepted: 2, rejected: 0, retry: 2, nextInMs: 1_000, reason });
    expect(out.wait).toEqual({ ms: 1_000, state: 'backoff', cutBy: [] });
    expect(out.progress).toMatchObject({ failures: 1, lastError: reason });
  });

  it('when the collector asks to retry everything, records a successful upload, deletes nothing and backs off further', () => {
    const out = onAnswer(progress({ failures: 1 }), rules, rows(1, 3), { kind: 'settled', accepted: [], rejected: [], retry: ['m1', 'm2', 'm3'] }, NOW);
    expect(out.write).toBe('success');
    expect(out.report).toMatchObject({ status: 200, accepted: 0, retry: 3, nextInMs: 2_000 });
    expect(out.wait).toEqual({ ms: 2_000, state: 'backoff', cutBy: [] });
    expect(out.progress.failures).toBe(2);
  });
});

describe('backing off', () => {
  it('waits with full jitter, its ceiling doubling with each failure up to the cap, and keeps every event', () => {
    let p = fresh;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const out = onAnswer(p, rules, rows(1, 2), httpError(500), NOW);
      expect(out.write).toBeNull();
      expect(out.report).toEqual({ status: 500, sent: 2, accepted: 0, rejected: 0, retry: 2, nextInMs: out.wait!.ms, reason: 'HTTP 500: busy' });
      waits.push(out.wait!.ms);
      p = out.progress;
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(p).toMatchObject({ failures: 7, lastError: 'HTTP 500: busy' });
  });

  it('waits exactly as long as a 429 or 503 asks, in seconds or as a date, at most maxRetryAfterMs, still counting the failure', () => {
    const waitFor = (verdict: UploadVerdict) => onAnswer(fresh, rules, rows(1, 2), verdict, NOW);
    expect(waitFor(httpError(429, '7')).wait).toEqual({ ms: 7_000, state: 'backoff', cutBy: [] });
    expect(waitFor(httpError(429, '7')).report).toMatchObject({ status: 429, nextInMs: 7_000 });
    expect(waitFor(httpError(429, '7')).progress.failures).toBe(1);
    expect(waitFor(httpError(503, 'Mon, 23 Nov 2026 10:01:30 GMT')).wait!.ms).toBe(90_000);
    expect(waitFor(httpError(429, '99999999')).wait!.ms).toBe(3_600_000);
    expect(waitFor(httpError(503, 'soon')).wait!.ms).toBe(1_000);
  });

  it('ends a network-error backoff when the network comes back, never a wait the collector asked for', () => {
    const offline = onAnswer(fresh, rules, rows(1, 2), unreachable('no answer within 30000 ms'), NOW);
    expect(offline.wait).toEqual({ ms: 1_000, state: 'backoff', cutBy: ['network-back'] });
    expect(offline.report).toMatchObject({ status: 'network-error', reason: 'cannot reach the collector: no answer within 30000 ms' });
    expect(onAnswer(fresh, rules, rows(1, 2), httpError(429, '120'), NOW).wait!.cutBy).toEqual([]);
    expect(onAnswer(fresh, rules, rows(1, 2), httpError(500), NOW).wait!.cutBy).toEqual([]);
  });

  it('keeps every event when the collector refuses the write key, backing off until it is fixed', () => {
    const batch = rows(1, 3);
    const out = onAnswer(fresh, rules, batch, interpretResponse(401, null, '', ids(batch)), NOW);
    expect(out.write).toBeNull();
    expect(out.report).toMatchObject({ status: 401, sent: 3, retry: 3, nextInMs: 1_000 });
    expect(out.progress.lastError).toContain('collector.writeKey');
  });
});

describe('finding the event a collector refuses without saying which', () => {
  it('halves a batch refused as a whole (rounding up) and sends again at once, counting no failure', () => {
    const before = progress({ failures: 2, lastError: 'HTTP 500: busy' });
    const out = onAnswer(before, rules, rows(1, 8), refusedWhole, NOW);
    expect(out.progress).toEqual({ ...before, batchLimit: 4 });
    expect(out.write).toBeNull();
    expect(out.wait).toBeNull();
    expect(out.report).toEqual({ status: 400, sent: 8, accepted: 0, rejected: 0, retry: 8, nextInMs: 0, reason: REFUSED });
    expect(onAnswer(fresh, rules, rows(1, 5), refusedWhole, NOW).progress.batchLimit).toBe(3);
  });

  it('sets a single refused event aside as the suspect, and sends again at once', () => {
    const out = onAnswer(progress({ batchLimit: 1 }), rules, [row(3)], refusedWhole, NOW);
    expect(out.progress).toEqual(progress({ batchLimit: 1, suspect: suspect(3) }));
    expect(out.wait).toBeNull();
    expect(out.write).toBeNull();
    expect(out.report).toMatchObject({ status: 400, sent: 1, retry: 1, nextInMs: 0 });
  });

  it('quarantines the suspect with the reason it was refused for once other events get through, and grows the batch back', () => {
    const out = onAnswer(progress({ batchLimit: 1, suspect: suspect(3) }), rules, [row(4)], took([row(4)]), NOW);
    expect(out.write).toEqual({ accepted: [row(4)], rejected: [{ row: row(3), reason: REFUSED }] });
    expect(out.report).toMatchObject({ status: 200, sent: 1, accepted: 1, rejected: 1 });
    expect(out.progress).toEqual(progress({ batchLimit: 2 }));
  });

  it('quarantines the suspect also when the collector took the next batch but asked to retry its events', () => {
    const out = onAnswer(progress({ batchLimit: 1, suspect: suspect(3) }), rules, [row(4)], { kind: 'settled', accepted: [], rejected: [], retry: ['m4'] }, NOW);
    expect(out.write).toEqual({ accepted: [], rejected: [{ row: row(3), reason: REFUSED }] });
    expect(out.progress.suspect).toBeNull();
  });

  it('blames the collector when the others are refused too: forgets the suspect, sends full batches again, after a backoff', () => {
    const out = onAnswer(progress({ batchLimit: 2, suspect: suspect(3) }), rules, rows(4, 5), refusedWhole, NOW);
    expect(out.progress).toEqual(progress({ failures: 1, lastError: REFUSED }));
    expect(out.write).toBeNull();
    expect(out.wait).toEqual({ ms: 1_000, state: 'backoff', cutBy: [] });
    expect(out.report).toEqual({ status: 400, sent: 2, accepted: 0, rejected: 0, retry: 2, nextInMs: 1_000, reason: REFUSED });
  });

  it('with nothing else to compare the suspect with, tries it again after a backoff that the network coming back ends', () => {
    const step = onEmptyOutbox(progress({ suspect: suspect(3) }), rules);
    expect(step.progress).toEqual(progress({ failures: 1, lastError: 'the collector refused a single event and there is nothing else to compare it with' }));
    expect(step.wait).toEqual({ ms: 1_000, state: 'backoff', cutBy: ['network-back'] });
  });

  it('keeps the suspect aside through a server error', () => {
    const out = onAnswer(progress({ batchLimit: 1, suspect: suspect(3) }), rules, [row(4)], httpError(503), NOW);
    expect(out.progress).toMatchObject({ batchLimit: 1, suspect: suspect(3), failures: 1 });
  });
});

/** Drives the rules against an outbox in memory and a collector that refuses any batch holding a bad event. */
function drain(events: readonly OutboxEvent[], refuses: (batch: readonly OutboxEvent[]) => boolean, steps: number) {
  const outbox = new Map(events.map((r) => [r.id, r]));
  const quarantined: { id: number; reason: string }[] = [];
  const sent: number[] = [];
  const waits: number[] = [];
  let p = startProgress(rules);
  for (let i = 0; i < steps && outbox.size > 0; i++) {
    const batch = nextBatch(p, [...outbox.values()].slice(0, rowsToRead(p)));
    if (batch.length === 0) {
      p = onEmptyOutbox(p, rules).progress;
      continue;
    }
    sent.push(batch.length);
    const out = onAnswer(p, rules, batch, refuses(batch) ? refusedWhole : took(batch), NOW);
    p = out.progress;
    if (out.wait) waits.push(out.wait.ms);
    if (out.write && out.write !== 'success') {
      for (const r of out.write.accepted) outbox.delete(r.id);
      for (const r of out.write.rejected) {
        outbox.delete(r.row.id);
        quarantined.push({ id: r.row.id, reason: r.reason });
      }
    }
  }
  return { left: [...outbox.keys()], quarantined, sent, waits, progress: p };
}

describe('a collector that answers for the whole batch (Segment style)', () => {
  it('finds the one event it refuses by halving, quarantines only that one and delivers the rest without waiting', () => {
    const run = drain(rows(1, 20), (batch) => batch.some((r) => r.id === 13), 50);
    expect(run.left).toEqual([]);
    expect(run.quarantined).toEqual([{ id: 13, reason: REFUSED }]);
    expect(run.sent).toEqual([8, 8, 4, 8, 4, 2, 1, 1, 2, 4]);
    expect(run.waits).toEqual([]);
    expect(run.progress).toMatchObject({ failures: 0, suspect: null, batchLimit: 8 });
  });

  it('quarantines nothing when it refuses every batch: it keeps every event and backs off, longer each round', () => {
    const run = drain(rows(1, 20), () => true, 12);
    expect(run.left).toEqual(rows(1, 20).map((r) => r.id));
    expect(run.quarantined).toEqual([]);
    // 8, 4, 2, 1 to find a suspect, then one more to find that the others are refused too.
    expect(run.sent).toEqual([8, 4, 2, 1, 1, 8, 4, 2, 1, 1, 8, 4]);
    expect(run.waits).toEqual([1_000, 2_000]);
  });
});
