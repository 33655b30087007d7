// An upload read on a worker thread as it crosses to the main thread: the accepted
// messages a column per field, not an object per message. The main thread writes every
// upload to the database and is what limits ingest; structured clone rebuilds objects
// field by field, several times slower than it copies arrays of strings and numbers,
// and rebuilding the objects here in plain JavaScript costs a fraction of that. The
// facts most events lack (a scan, a game, a coupon, dropped seq numbers) travel only for
// the events that have them.
import { sessionOf, type EventFacts } from '../../store/analytics/event-facts.ts';
import type { AcceptedMessage, RejectedMessage } from '../../store/queries/ingest.ts';
import { messageFacts, type MessageFacts } from '../../store/queries/message-facts.ts';
import type { SeqRange } from '../../store/seq-ranges.ts';
import type { ReadUpload, Verdict } from './read-upload.ts';

/** The facts of the message at `index` that most messages lack. */
interface RareFacts {
  index: number;
  scan: EventFacts['scan'];
  game: EventFacts['game'];
  coupon: EventFacts['coupon'];
  dropped: SeqRange[];
}

export interface PackedAccepted {
  messageId: string[];
  seq: (number | null)[];
  event: string[];
  originalAt: (number | null)[];
  json: string[];
  anonymousId: (string | null)[];
  pack: string[];
  planProblem: (string | null)[];
  steps: number[];
  variant: string[];
  durationMs: (number | null)[];
  rare: RareFacts[];
}

export type PackedUpload =
  | {
      ok: true;
      accepted: PackedAccepted;
      rejected: RejectedMessage[];
      /** The verdicts in the order sent: i ≥ 0 accepts accepted[i]; i < 0 rejects rejected[-1 - i] (same messageId and reason). */
      order: number[];
    }
  | Extract<ReadUpload, { ok: false }>;

const factsOfMessage = (m: AcceptedMessage): MessageFacts => m.facts ?? messageFacts(m.event, m.anonymousId, m.properties);

export function packUpload(read: ReadUpload): PackedUpload {
  if (!read.ok) return read;
  const columns: PackedAccepted = { messageId: [], seq: [], event: [], originalAt: [], json: [], anonymousId: [], pack: [], planProblem: [], steps: [], variant: [], durationMs: [], rare: [] };
  read.accepted.forEach((m, index) => {
    const f = factsOfMessage(m);
    columns.messageId.push(m.messageId);
    columns.seq.push(m.seq);
    columns.event.push(m.event);
    columns.originalAt.push(m.originalAt);
    columns.json.push(m.json);
    columns.anonymousId.push(m.anonymousId);
    columns.pack.push(m.pack);
    columns.planProblem.push(m.planProblem ?? null);
    columns.steps.push(f.steps);
    columns.variant.push(f.variant);
    columns.durationMs.push(f.durationMs);
    if (f.scan || f.game || f.coupon || f.dropped.length > 0) columns.rare.push({ index, scan: f.scan, game: f.game, coupon: f.coupon, dropped: f.dropped });
  });
  // Verdicts follow the messages in order: each accepted one is the next of `accepted`, each rejected one the next of `rejected`.
  let accepted = 0;
  let rejected = 0;
  const order = read.verdicts.map((v) => (v.kind === 'accepted' ? accepted++ : -1 - rejected++));
  if (accepted !== read.accepted.length || rejected !== read.rejected.length) throw new Error('an upload\'s verdicts do not match its messages');
  return { ok: true, accepted: columns, rejected: read.rejected, order };
}

export function unpackUpload(packed: PackedUpload): ReadUpload {
  if (!packed.ok) return packed;
  const c = packed.accepted;
  const rare = new Map(c.rare.map((r) => [r.index, r]));
  const accepted: AcceptedMessage[] = new Array(c.messageId.length);
  for (let i = 0; i < accepted.length; i++) {
    const r = rare.get(i);
    const anonymousId = c.anonymousId[i]!;
    const facts: MessageFacts = {
      session: sessionOf(anonymousId),
      steps: c.steps[i]!,
      variant: c.variant[i]!,
      scan: r?.scan ?? null,
      game: r?.game ?? null,
      coupon: r?.coupon ?? null,
      durationMs: c.durationMs[i]!,
      dropped: r?.dropped ?? [],
    };
    accepted[i] = { messageId: c.messageId[i]!, seq: c.seq[i]!, event: c.event[i]!, originalAt: c.originalAt[i]!, json: c.json[i]!, anonymousId, pack: c.pack[i]!, planProblem: c.planProblem[i]!, facts };
  }
  const verdicts = packed.order.map((i): Verdict => {
    if (i >= 0) return { kind: 'accepted', messageId: c.messageId[i]! };
    const r = packed.rejected[-1 - i]!;
    return { kind: 'rejected', messageId: r.messageId, reason: r.reason };
  });
  return { ok: true, accepted, rejected: packed.rejected, verdicts };
}
