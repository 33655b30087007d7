// Raw events lose their (device_id, seq) index: nothing reads events by kiosk and seq
// (seq gaps are kept in seq_ranges at ingest; exports and pruning go by arrival time),
// and every stored event paid for one more B-tree insert.
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../open-store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function eventsWithoutSeqIndexSchema(_dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.dropIndex('events_device_seq').ifExists().execute();
    },
    async down(db: AnyDb) {
      await db.schema.createIndex('events_device_seq').on('events').columns(['device_id', 'seq']).execute();
    },
  };
}
