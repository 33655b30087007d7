import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, migrationsFor } from '../migrate.ts';
import { eventCounts, eventCountsByPack, productScans } from '../queries/analytics.ts';
import { ingestBatch } from '../queries/ingest.ts';
import { enrolKiosk } from '../queries/kiosks.ts';
import { describeEachDatabase } from '../testing/each-database.ts';

const T0 = Date.UTC(2026, 11, 7, 2, 0, 0);
const HOUR = 3_600_000;
const everything = { from: T0 - 24 * HOUR, to: T0 + 24 * HOUR, visibleStores: null };

describeEachDatabase('rollups stored in reading order (migration 006)', (fixture) => {
  it('keeps every count a hub stored before the upgrade; the dashboards read them, and ingest adds to them', async () => {
    const store = await fixture.open({ migrate: false });
    const before = Object.fromEntries(Object.entries(migrationsFor(store.dialect)).filter(([name]) => name < '006'));
    const { error } = await new Migrator({ db: store.db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(error).toBeUndefined();

    // A hub of the previous version: counts in the old tables.
    const row = { device_id: 'dev-1', store_id: 'sh-001', pack: 'spring@1.0.0' };
    await store.db
      .insertInto('event_hourly')
      .values([
        { ...row, hour: T0, event: 'Session Started', variant: 'touch', count: 7 },
        { ...row, hour: T0 + HOUR, event: 'Session Started', variant: 'gesture', count: 2 },
        { ...row, pack: 'spring@1.1.0', hour: T0, event: 'Game Started', variant: 'wheel', count: 4 },
      ])
      .execute();
    await store.db
      .insertInto('scan_daily')
      .values([
        { ...row, day: T0 - (T0 % 86_400_000), product_id: '06901234567892', found: 1, scans: 5 },
        { ...row, device_id: 'dev-2', day: T0 - (T0 % 86_400_000), product_id: '06901234567892', found: 1, scans: 3 },
        { ...row, day: T0 - (T0 % 86_400_000), product_id: '04006381333931', found: 0, scans: 9 },
      ])
      .execute();

    await migrateToLatest(store);

    expect(await eventCounts(store, everything, ['Session Started'])).toEqual(
      expect.arrayContaining([
        { event: 'Session Started', variant: 'touch', count: 7 },
        { event: 'Session Started', variant: 'gesture', count: 2 },
      ]),
    );
    expect(await productScans(store, everything, true, 10)).toEqual([{ productId: '06901234567892', scans: 8, kiosks: 2 }]);
    expect(await productScans(store, everything, false, 10)).toEqual([{ productId: '04006381333931', scans: 9, kiosks: 1 }]);
    expect(await productScans(store, { ...everything, deviceId: 'dev-2' }, true, 10)).toEqual([{ productId: '06901234567892', scans: 3, kiosks: 1 }]);

    // Ingest after the upgrade adds to the copied rows rather than beside them.
    await enrolKiosk(store, { deviceId: 'dev-1', storeId: 'sh-001', name: 'W1', tokenId: 't', tokenHash: 'h', appVersion: '1', platform: 'linux', couponKey: null, now: T0 });
    await ingestBatch(store, {
      deviceId: 'dev-1',
      receivedAt: T0 + 2 * HOUR,
      accepted: [
        { messageId: 'm-1', seq: 1, event: 'Session Started', originalAt: T0 + 60_000, json: '{}', properties: { trigger: 'touch' }, anonymousId: 'shopper-1', pack: 'spring@1.0.0' },
        { messageId: 'm-2', seq: 2, event: 'Barcode Scanned', originalAt: T0 + 90_000, json: '{}', properties: { source: 'scanner', lookup: 'hit', product_id: '06901234567892' }, anonymousId: 'shopper-1', pack: 'spring@1.0.0' },
      ],
      rejected: [],
    });
    expect(await eventCounts(store, { ...everything, pack: 'spring@1.0.0' }, ['Session Started'])).toEqual(
      expect.arrayContaining([{ event: 'Session Started', variant: 'touch', count: 8 }]),
    );
    expect(await productScans(store, everything, true, 10)).toEqual([{ productId: '06901234567892', scans: 9, kiosks: 2 }]);
    expect(await eventCountsByPack(store, everything, ['Session Started', 'Game Started'])).toEqual(
      expect.arrayContaining([
        { pack: 'spring@1.0.0', event: 'Session Started', count: 10 },
        { pack: 'spring@1.1.0', event: 'Game Started', count: 4 },
      ]),
    );
  });
});
