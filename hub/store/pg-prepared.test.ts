import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type HubStore } from './open-store.ts';
import { ingestBatch } from './queries/ingest.ts';
import { enrolKiosk } from './queries/kiosks.ts';
import { startPgCluster, type PgCluster } from './testing/pg-cluster.ts';

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

describe('statements prepared on PostgreSQL', () => {
  let cluster: PgCluster;
  let store: HubStore;
  beforeAll(async () => {
    cluster = await startPgCluster();
    // One connection, so the statements this test reads about are the ones its queries ran on.
    store = await openStore({ url: cluster.url, poolSize: 1 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('ingest runs its event insert by name, prepared once on the connection; other statements are not kept', async () => {
    await enrolKiosk(store, { deviceId: 'd1', storeId: 's1', name: 'Window 1', tokenId: 't', tokenHash: 'h', appVersion: '0.1.0', platform: 'linux', couponKey: null, now: T0 });
    for (let seq = 1; seq <= 3; seq++) {
      const json = JSON.stringify({ type: 'track', messageId: `m${seq}`, event: 'Screen Viewed' });
      await ingestBatch(store, { deviceId: 'd1', receivedAt: T0, accepted: [{ messageId: `m${seq}`, seq, event: 'Screen Viewed', originalAt: T0, json, properties: { screen: 'home' }, anonymousId: 'a', pack: '' }], rejected: [] });
    }
    const { rows } = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements order by name`.execute(store.db);
    const insert = rows.filter((r) => r.statement.includes('insert into events'));
    expect(insert).toHaveLength(1);
    expect(insert[0]!.name).toMatch(/^hub_prepared_\d+$/);
    // Statements built per call (the rollups, Kysely's queries) are planned each time, not piled up on the connection.
    expect(rows.every((r) => r.name.startsWith('hub_prepared_'))).toBe(true);
    expect(rows.some((r) => r.statement.includes('event_hourly'))).toBe(false);
    expect(Number((await sql<{ n: unknown }>`select count(*) as n from events`.execute(store.db)).rows[0]!.n)).toBe(3);
  });
});
