// One hub process at a time runs each background job: on PostgreSQL the holder of a
// transaction-level advisory lock (released when the job ends or its process dies), on
// SQLite (one process) an in-process flag.
import { sql } from 'kysely';
import type { HubStore } from '../open-store.ts';

const running = new WeakMap<HubStore, Set<string>>();

/** Runs `job` unless another process (or this one) is running the job of that name; false when skipped. */
export async function asLeader(store: HubStore, name: string, job: () => Promise<void>): Promise<boolean> {
  let mine = running.get(store);
  if (!mine) running.set(store, (mine = new Set()));
  if (mine.has(name)) return false;
  mine.add(name);
  try {
    if (store.dialect !== 'postgres') {
      await job();
      return true;
    }
    return await store.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ got: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(${`hub:${name}`})) AS got`.execute(trx);
      if (!rows[0]?.got) return false;
      await job();
      return true;
    });
  } finally {
    mine.delete(name);
  }
}
