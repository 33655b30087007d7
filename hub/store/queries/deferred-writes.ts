// The writes of an ingest transaction that nothing later in it reads (the rollups' counts,
// the kiosks' seq ranges and rows), gathered and sent to PostgreSQL as one statement just
// before the commit, each a data-modifying WITH of it, instead of a round trip each: in
// the ingest benchmark every statement cost the hub's one JavaScript thread a tenth of a
// millisecond or more in sending alone, whatever its size, and a transaction sent a
// dozen. SQLite, which has no round trips, runs each write at once.
// PostgreSQL runs the writes of one statement in no set order, so their row locks are
// taken in no set order either. Every row written here is one kiosk's (its ranges, its
// counts, its sessions) and ingest holds that kiosk's row lock from its first statement;
// anything else that writes such rows must take the kiosk's row lock first (a first
// redemption does), or the two could wait on each other. The one row kiosks share, a
// day's mark, is written by one statement in day order.
import { CompiledQuery, type Compilable, type Transaction } from 'kysely';
import type { Dialect } from '../open-store.ts';
import type { HubDatabase } from '../schema.ts';

export interface DeferredWrites {
  readonly trx: Transaction<HubDatabase>;
  readonly dialect: Dialect;
  /** A write in the dialect's placeholders ($1… on PostgreSQL, ? on SQLite). Its effects are seen only after flush(). */
  add(text: string, params: readonly unknown[]): Promise<void>;
  /** A write built with Kysely. */
  addQuery(query: Compilable): Promise<void>;
  /** Sends the writes gathered: before the commit, and before anything reads what they write. */
  flush(): Promise<void>;
}

/** Parameters in one statement: PostgreSQL takes 65,535. */
const MOST_PARAMS = 30_000;

/** Renumbers `$n` placeholders by `offset`. The texts come from this store's own builders, which put no `$` in identifiers or literals. */
const shifted = (text: string, offset: number) => (offset === 0 ? text : text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));

/** One statement doing every write of `writes`, in order. */
export function combinedWrite(writes: readonly { text: string; params: readonly unknown[] }[]): { text: string; params: unknown[] } {
  if (writes.length === 1) return { text: writes[0]!.text, params: [...writes[0]!.params] };
  const params: unknown[] = [];
  const parts = writes.map((w, i) => {
    const part = `w${i} as (${shifted(w.text, params.length)})`;
    params.push(...w.params);
    return part;
  });
  return { text: `with ${parts.join(', ')} select 1`, params };
}

export function deferredWrites(trx: Transaction<HubDatabase>, dialect: Dialect): DeferredWrites {
  let gathered: { text: string; params: readonly unknown[] }[] = [];
  let params = 0;
  const run = (text: string, values: readonly unknown[]) => trx.executeQuery(CompiledQuery.raw(text, [...values]));
  const writes: DeferredWrites = {
    trx,
    dialect,
    async add(text, values) {
      if (dialect === 'sqlite') {
        await run(text, values);
        return;
      }
      if (params + values.length > MOST_PARAMS) await writes.flush();
      gathered.push({ text, params: values });
      params += values.length;
    },
    addQuery(query) {
      const { sql, parameters } = query.compile();
      return writes.add(sql, parameters);
    },
    async flush() {
      if (gathered.length === 0) return;
      const { text, params: values } = combinedWrite(gathered);
      gathered = [];
      params = 0;
      await run(text, values);
    },
  };
  return writes;
}
