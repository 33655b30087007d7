// The uploader's decisions, with no I/O, no clock and no timers: which events go in the
// next batch, what the outbox does with them after the collector's answer, how long to
// wait before the next attempt and what may end that wait early, and what to report.
// uploader.ts reads, posts, writes and waits, and asks these rules at every step; the
// tests beside this file are the delivery rules of README.md, branch by branch.
import { fullJitterDelay, parseRetryAfter, type RetryPolicy } from '../../../content/schema/retry.ts';
import type { UploadVerdict } from './batch-response.ts';
import type { Settlement } from './outbox.ts';
import type { OutboxEvent } from './outbox-db.ts';

export interface BackoffPolicy extends RetryPolicy {
  /** A Retry-After longer than this is treated as this (a broken header must not park a kiosk for days). */
  maxRetryAfterMs: number;
}

/** README: a random wait up to 1 s · 2^failures, capped at 5 minutes; a Retry-After of at most 1 hour. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000, maxRetryAfterMs: 60 * 60_000 };

export interface UploadRules {
  /** The most events in one batch. */
  maxEvents: number;
  backoff: BackoffPolicy;
  /** After waking from idle, wait this long so a burst of events goes in one batch. */
  lingerMs: number;
  /** With nothing to send and nothing waking it, look again after this long. */
  idlePollMs: number;
  random: () => number;
}

/** An event the collector refused on its own (400) without saying why. */
export interface Suspect {
  row: OutboxEvent;
  reason: string;
}

export interface UploadProgress {
  /** Failed attempts in a row: each doubles the backoff's ceiling. */
  failures: number;
  /** Halved when the collector refuses a batch without saying which event; grows back on success. */
  batchLimit: number;
  /** Left out of batches until others get through (then quarantined) or are refused too (then tried again). */
  suspect: Suspect | null;
  /** The last wait was for new events: a batch that is not full lingers once before it goes. */
  idled: boolean;
  /** Why the last attempt failed; null after a clean upload. */
  lastError: string | null;
}

/** What may end a wait before its time, besides stopping (which ends every wait). */
export type Waker = 'new-events' | 'network-back';

export interface Wait {
  ms: number;
  /** What the uploader says it is doing meanwhile. */
  state: 'idle' | 'backoff';
  cutBy: readonly Waker[];
}

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

/** A decision: the progress to carry on with, and a wait before the next step (null: go on at once). */
export interface Step {
  progress: UploadProgress;
  wait: Wait | null;
}

/** After the collector's answer (or its silence): write the outbox, then report, then wait. */
export interface AfterAnswer extends Step {
  /** Settle these rows, only record that an upload succeeded, or leave the outbox alone. */
  write: Settlement | 'success' | null;
  report: UploadReport;
}

export function startProgress(rules: Pick<UploadRules, 'maxEvents'>): UploadProgress {
  return { failures: 0, batchLimit: rules.maxEvents, suspect: null, idled: false, lastError: null };
}

/** How many of the oldest rows to read for the next batch: one more while the suspect is among them. */
export function rowsToRead(progress: UploadProgress): number {
  return progress.batchLimit + (progress.suspect ? 1 : 0);
}

/** The next batch out of the oldest rows: without the suspect, at most batchLimit events. */
export function nextBatch(progress: UploadProgress, rows: readonly OutboxEvent[]): OutboxEvent[] {
  const suspectId = progress.suspect?.row.id;
  return rows.filter((row) => row.id !== suspectId).slice(0, progress.batchLimit);
}

/** Read the next batch while this one is on its way? Only when draining full batches with nothing suspected. */
export function readsAhead(progress: UploadProgress, rules: Pick<UploadRules, 'maxEvents'>, batchSize: number): boolean {
  return batchSize === rules.maxEvents && progress.batchLimit === rules.maxEvents && !progress.suspect;
}

/** May the batch read ahead go next? Only when the collector took every event of this one. */
export function keepsReadAhead(verdict: UploadVerdict): boolean {
  return verdict.kind === 'settled' && verdict.retry.length === 0 && verdict.rejected.length === 0;
}

const backoff = (ms: number, cutBy: readonly Waker[] = []): Wait => ({ ms, state: 'backoff', cutBy });

/** Counts a failure and draws the wait before the next attempt. */
function failed(progress: UploadProgress, rules: UploadRules, reason: string): { progress: UploadProgress; delay: number } {
  const failures = progress.failures + 1;
  return { progress: { ...progress, failures, lastError: reason }, delay: fullJitterDelay(failures, rules.backoff, rules.random) };
}

export function onEmptyOutbox(progress: UploadProgress, rules: UploadRules): Step {
  if (progress.suspect) {
    // Nothing else to send to tell a bad event from a broken collector: wait, then try it again.
    const next = failed({ ...progress, suspect: null }, rules, 'the collector refused a single event and there is nothing else to compare it with');
    return { progress: next.progress, wait: backoff(next.delay, ['network-back']) };
  }
  return {
    progress: { ...progress, failures: 0, idled: true },
    wait: { ms: rules.idlePollMs, state: 'idle', cutBy: ['new-events', 'network-back'] },
  };
}

/** A batch is ready: send it now, or, just woken from idle, linger so the rest of a burst joins it. */
export function onBatchRead(progress: UploadProgress, rules: UploadRules, batchSize: number): Step {
  const lingers = progress.idled && batchSize < progress.batchLimit && rules.lingerMs > 0;
  return { progress: { ...progress, idled: false }, wait: lingers ? { ms: rules.lingerMs, state: 'idle', cutBy: [] } : null };
}

/** Reading, encoding or writing threw (the disk, say): it costs a backoff, never the uploader. */
export function onUploaderError(progress: UploadProgress, rules: UploadRules, message: string): Step {
  const next = failed({ ...progress, idled: false }, rules, `uploader error: ${message}`);
  return { progress: next.progress, wait: backoff(next.delay) };
}

export function onAnswer(progress: UploadProgress, rules: UploadRules, batch: readonly OutboxEvent[], verdict: UploadVerdict, nowMs: number): AfterAnswer {
  if (verdict.kind === 'split') return onRefusedWhole(progress, rules, batch, verdict.reason);
  if (verdict.kind === 'retry') return onRetry(progress, rules, batch, verdict, nowMs);
  return onSettled(progress, rules, batch, verdict);
}

function onRefusedWhole(progress: UploadProgress, rules: UploadRules, batch: readonly OutboxEvent[], reason: string): AfterAnswer {
  const report = (nextInMs: number): UploadReport => ({ status: 400, sent: batch.length, accepted: 0, rejected: 0, retry: batch.length, nextInMs, reason });
  if (progress.suspect) {
    // Others are refused too: the collector is the problem, not the suspect.
    const next = failed({ ...progress, suspect: null, batchLimit: rules.maxEvents }, rules, reason);
    return { progress: next.progress, write: null, report: report(next.delay), wait: backoff(next.delay) };
  }
  // Refused as a whole without saying which event: send halves until it is one, then set that one aside.
  const narrowed = batch.length > 1 ? { batchLimit: Math.ceil(batch.length / 2) } : { suspect: { row: batch[0]!, reason } };
  return { progress: { ...progress, ...narrowed }, write: null, report: report(0), wait: null };
}

function onRetry(
  progress: UploadProgress,
  rules: UploadRules,
  batch: readonly OutboxEvent[],
  verdict: Extract<UploadVerdict, { kind: 'retry' }>,
  nowMs: number,
): AfterAnswer {
  const asked = parseRetryAfter(verdict.retryAfter, nowMs, rules.backoff.maxRetryAfterMs);
  const next = failed(progress, rules, verdict.reason);
  const delay = asked ?? next.delay;
  const status = verdict.network ? 'network-error' : Number(/^HTTP (\d+)/.exec(verdict.reason)?.[1] ?? 0);
  return {
    progress: next.progress,
    write: null,
    report: { status, sent: batch.length, accepted: 0, rejected: 0, retry: batch.length, nextInMs: delay, reason: verdict.reason },
    // The network coming back cuts a network-error backoff short, never a wait the collector asked for.
    wait: backoff(delay, verdict.network ? ['network-back'] : []),
  };
}

function onSettled(progress: UploadProgress, rules: UploadRules, batch: readonly OutboxEvent[], verdict: Extract<UploadVerdict, { kind: 'settled' }>): AfterAnswer {
  const byId = new Map(batch.map((row) => [row.messageId, row]));
  const accepted = verdict.accepted.flatMap((id) => byId.get(id) ?? []);
  const rejected = verdict.rejected.flatMap(({ messageId, reason }) => {
    const row = byId.get(messageId);
    return row ? [{ row, reason }] : [];
  });
  // The collector takes other events but not that one: it is bad, set it aside.
  if (progress.suspect) rejected.push(progress.suspect);
  const write = accepted.length > 0 || rejected.length > 0 ? { accepted, rejected } : 'success';
  const settled = { ...progress, suspect: null, batchLimit: Math.min(rules.maxEvents, progress.batchLimit * 2) };
  const report = { status: 200, sent: batch.length, accepted: accepted.length, rejected: rejected.length };
  if (verdict.retry.length === 0) {
    return { progress: { ...settled, failures: 0, lastError: null }, write, report: { ...report, retry: 0, nextInMs: null, reason: null }, wait: null };
  }
  // Partial success: when something got through, back off from the start again.
  const reason = `the collector asked to retry ${verdict.retry.length} of ${batch.length} events`;
  const next = failed({ ...settled, failures: accepted.length > 0 ? 0 : settled.failures }, rules, reason);
  return { progress: next.progress, write, report: { ...report, retry: verdict.retry.length, nextInMs: next.delay, reason }, wait: backoff(next.delay) };
}
