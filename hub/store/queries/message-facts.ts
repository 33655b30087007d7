// What storing an accepted message needs from its properties: what it means for the
// rollups (event-facts.ts) and, for an Events Dropped, the seq numbers the kiosk gave up
// on. Pure, so the upload reader works it out where it parses the upload (a worker
// thread in the bundled hub) and the properties never have to reach the thread that
// writes to the database.
import { factsOf, type EventFacts } from '../analytics/event-facts.ts';
import { readSeqRanges, type SeqRange } from '../seq-ranges.ts';

export interface MessageFacts extends EventFacts {
  /** The seq ranges an Events Dropped reports as dropped; [] for any other event. */
  dropped: SeqRange[];
}

export function messageFacts(event: string, anonymousId: string | null, properties: Record<string, unknown> | undefined): MessageFacts {
  const p = properties ?? {};
  return { ...factsOf({ event, anonymousId, properties: p }), dropped: event === 'Events Dropped' ? readSeqRanges(p.seq_ranges) : [] };
}
