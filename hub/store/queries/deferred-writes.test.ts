import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/each-database.ts';
import { combinedWrite, deferredWrites } from './deferred-writes.ts';

describe('combinedWrite', () => {
  it('numbers each write\'s parameters after the ones before it', () => {
    const one = combinedWrite([
      { text: 'insert into a (x, y) values ($1, $2)', params: [1, 2] },
      { text: 'update b set x = $1 where y = $2 or z = $1', params: ['p', 'q'] },
      { text: 'delete from c where id = any($1::text[])', params: [['r']] },
    ]);
    expect(one.text).toBe('with w0 as (insert into a (x, y) values ($1, $2)), w1 as (update b set x = $3 where y = $4 or z = $3), w2 as (delete from c where id = any($5::text[])) select 1');
    expect(one.params).toEqual([1, 2, 'p', 'q', ['r']]);
  });

  it('sends a lone write as it is', () => {
    expect(combinedWrite([{ text: 'delete from c where id = $1', params: [7] }])).toEqual({ text: 'delete from c where id = $1', params: [7] });
  });
});

describeEachDatabase('deferred writes', (fixture, kind) => {
  const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => (kind === 'postgres' ? `($${from + i})` : '(?)')).join(', ');

  it(kind === 'postgres' ? 'are stored together when flushed, in order, in parts when they pass the parameter bound' : 'are stored at once', async () => {
    const store = await fixture.open();
    await sql`create table deferred_probe (n integer not null)`.execute(store.db);
    const count = async (trx: typeof store.db) => Number((await sql<{ n: unknown }>`select count(*) as n from deferred_probe`.execute(trx)).rows[0]!.n);
    const seen = await store.db.transaction().execute(async (trx) => {
      const writes = deferredWrites(trx, store.dialect);
      // 3 x 12,000 values: more than one PostgreSQL statement takes.
      for (let part = 0; part < 3; part++) {
        const values = Array.from({ length: 12_000 }, (_, i) => part * 12_000 + i);
        await writes.add(`insert into deferred_probe (n) values ${placeholders(values.length)}`, values);
      }
      await writes.add(kind === 'postgres' ? 'delete from deferred_probe where n = $1' : 'delete from deferred_probe where n = ?', [5]);
      const before = await count(trx);
      await writes.flush();
      return { before, after: await count(trx) };
    });
    // PostgreSQL: the first two went as one statement once the third would pass the bound; the rest at the flush.
    expect(seen).toEqual({ before: kind === 'postgres' ? 24_000 : 35_999, after: 35_999 });
  });

  it('leave nothing behind when their transaction fails', async () => {
    const store = await fixture.open();
    await sql`create table deferred_probe (n integer not null)`.execute(store.db);
    const failed = store.db.transaction().execute(async (trx) => {
      const writes = deferredWrites(trx, store.dialect);
      await writes.add(`insert into deferred_probe (n) values ${placeholders(2)}`, [1, 2]);
      await writes.add(`insert into deferred_probe (n) values ${placeholders(1)}`, [null]);
      await writes.flush();
    });
    await expect(failed).rejects.toThrow(/null/i);
    expect(Number((await sql<{ n: unknown }>`select count(*) as n from deferred_probe`.execute(store.db)).rows[0]!.n)).toBe(0);
  });
});
