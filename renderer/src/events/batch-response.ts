// What a collector's answer to one upload (or its silence) means for each event in it.
//
// Our collector answers per event: { results: [{ messageId, status, reason? }] } with
// status accepted | duplicate | rejected | retry. Segment and RudderStack answer for the
// whole batch; a 2xx from them means every event was taken.
import { EventResult } from '../../../content/schema/hub-api/batch.ts';

export type UploadVerdict =
  /** The collector answered for the events: delete the accepted, quarantine the rejected, retry the rest. */
  | { kind: 'settled'; accepted: string[]; rejected: { messageId: string; reason: string }[]; retry: string[] }
  /** The collector refused the batch as a whole (400, 413) without saying which event: send halves. */
  | { kind: 'split'; reason: string }
  /** Nothing was taken; try the same events again later. */
  | { kind: 'retry'; reason: string; retryAfter: string | null; network: boolean };

/**
 * The per-event results of an answer, each read with the hub API's EventResult schema on
 * its own: an entry that does not fit is dropped (its event is sent again), never the
 * whole answer — a malformed answer must not read as "every event taken".
 */
function perEventResults(body: string): EventResult[] | null {
  try {
    const parsed = JSON.parse(body) as { results?: unknown };
    if (!Array.isArray(parsed?.results)) return null;
    return parsed.results.flatMap((entry: unknown) => {
      const result = EventResult.safeParse(entry);
      return result.success ? [result.data] : [];
    });
  } catch {
    return null;
  }
}

/** The collector's own words: its JSON "error" or "message" when it sends one, else the start of the body. */
function excerpt(body: string): string {
  let text = body;
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const said = typeof parsed?.error === 'string' ? parsed.error : parsed?.message;
    if (typeof said === 'string') text = said;
  } catch {
    // not JSON: use the text as it is
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function interpretResponse(status: number, retryAfter: string | null, body: string, messageIds: readonly string[]): UploadVerdict {
  const results = status >= 200 && status < 500 ? perEventResults(body) : null;
  if (results && (status < 300 || status === 400)) {
    const byId = new Map<string, EventResult>();
    for (const r of results) if (r.messageId !== null) byId.set(r.messageId, r);
    const verdict: UploadVerdict = { kind: 'settled', accepted: [], rejected: [], retry: [] };
    for (const id of messageIds) {
      const r = byId.get(id);
      if (r?.status === 'accepted' || r?.status === 'duplicate') verdict.accepted.push(id);
      else if (r?.status === 'rejected') verdict.rejected.push({ messageId: id, reason: r.reason ?? 'rejected' });
      else verdict.retry.push(id);
    }
    return verdict;
  }
  if (status >= 200 && status < 300) return { kind: 'settled', accepted: [...messageIds], rejected: [], retry: [] };
  if (status === 400 || status === 413) return { kind: 'split', reason: `HTTP ${status}: ${excerpt(body)}` };
  if (status === 401 || status === 403) {
    return { kind: 'retry', reason: `HTTP ${status}: the collector refused the write key (check collector.writeKey)`, retryAfter: null, network: false };
  }
  const header = status === 429 || status === 503 ? retryAfter : null;
  return { kind: 'retry', reason: `HTTP ${status}: ${excerpt(body)}`, retryAfter: header, network: false };
}

/** No answer at all (a connection error, a timeout): nothing was taken; try again later. */
export function unreachable(message: string): UploadVerdict {
  return { kind: 'retry', reason: `cannot reach the collector: ${message}`, retryAfter: null, network: true };
}
