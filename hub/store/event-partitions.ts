// PostgreSQL keeps events in one partition per UTC day of arrival. A partition is made
// the first time a hub process stores an event on that day (and the next day's ahead of
// time), so no insert ever finds its day missing; several processes making the same one
// at once is harmless.
import { sql } from 'kysely';
import type { HubStore } from './open-store.ts';

const DAY = 86_400_000;
const made = new WeakMap<HubStore, Set<number>>();

export const partitionName = (dayStart: number) => `events_${new Date(dayStart).toISOString().slice(0, 10).replaceAll('-', '')}`;

async function makePartition(store: HubStore, dayStart: number): Promise<void> {
  const name = partitionName(dayStart);
  try {
    await sql`CREATE TABLE IF NOT EXISTS ${sql.table(name)} PARTITION OF events FOR VALUES FROM (${sql.lit(dayStart)}) TO (${sql.lit(dayStart + DAY)})`.execute(store.db);
  } catch (err) {
    // Another process made it between IF NOT EXISTS and CREATE: duplicate_table / unique_violation.
    const code = (err as { code?: string }).code;
    if (code !== '42P07' && code !== '23505') throw err;
  }
}

/** Makes sure the day of `at` (and the next one) has its partition. */
export async function ensureEventPartition(store: HubStore, at: number): Promise<void> {
  if (store.dialect !== 'postgres') return;
  let days = made.get(store);
  if (!days) made.set(store, (days = new Set()));
  const today = at - (at % DAY);
  for (const day of [today, today + DAY]) {
    if (days.has(day)) continue;
    await makePartition(store, day);
    days.add(day);
  }
}
