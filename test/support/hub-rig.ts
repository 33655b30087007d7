// A real hub for the end-to-end tests, the delivery tests and the benchmarks: started in
// this process on a fresh SQLite folder, with an enrolment token for one store and the
// fault proxy (fault-proxy.ts) in front. Kiosks are given the proxy's address and the
// token, enrol by themselves and upload with their own credential; the test asks the
// hub's tables what arrived, and the proxy what it saw on the way.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { enrolmentSecretHash, newEnrolmentToken } from '../../hub/server/auth/secrets.ts';
import { startHub, type RunningHub } from '../../hub/server/start-hub.ts';
import { SQLITE_FILE } from '../../hub/store/open-store.ts';
import { createEnrolmentSecret } from '../../hub/store/queries/enrolment.ts';
import { countRanges, missingSeqs, type SeqRange } from '../../hub/store/seq-ranges.ts';
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from './fault-proxy.ts';

export interface HubRigOptions {
  /** The store the enrolment token enrols kiosks into (the kiosk settings' default store). */
  storeId?: string;
  /** The fault proxy's settings: faults, hang time, a slow hub, Segment-style answers. */
  proxy?: Omit<FaultProxyOptions, 'target'>;
}

/** One event as the hub stored it. */
export interface StoredEvent {
  deviceId: string;
  seq: number | null;
  event: string;
  receivedAt: number;
  /** The message as the kiosk sent it. */
  body: {
    messageId: string;
    anonymousId: string;
    event: string;
    properties: Record<string, unknown>;
    originalTimestamp: string;
    sentAt: string;
    context: {
      locale: string;
      library: { name: string };
      kiosk: { deviceId: string; bootId: string; storeId: string; seq: number; packId: string | null };
    };
  };
}

/** What the hub knows of one kiosk's events. */
export interface DeviceHealth {
  deviceId: string;
  events: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Seq numbers below the highest that never arrived and are explained neither by a drop report nor by a rejection. */
  missing: { count: number; ranges: SeqRange[] };
  rejected: number;
  /** One seq stored under two messageIds (a kiosk whose outbox was wiped while its device id was kept). */
  seqConflicts: number;
  /** The seq gaps the console's fleet page shows for the kiosk (kept by the hub as it ingests). */
  fleetSeqGaps: number;
}

export interface HubRig {
  hub: RunningHub;
  proxy: FaultProxy;
  /** Where kiosks send everything: the proxy. */
  url: string;
  enrolmentToken: string;
  /** The kiosk settings' `hub` section: the proxy's address and the enrolment token. */
  kioskHub: { url: string; enrolmentToken: string };
  /** For the kiosk web server's Content-Security-Policy (connect-src). */
  connectOrigins: string[];
  /** Enrols a kiosk as its hub agent does (straight at the hub, no faults) and returns its credential. */
  enrol(deviceId: string): Promise<string>;
  /** Every stored event, in the order the hub received them (then by seq). */
  allEvents(): Promise<StoredEvent[]>;
  /** The properties of the stored events of one name, by device and seq. */
  eventsNamed(event: string): Promise<{ deviceId: string; seq: number | null; properties: Record<string, unknown> }[]>;
  count(): Promise<number>;
  /** Device ids the hub has events from. */
  devices(): Promise<string[]>;
  health(deviceId: string): Promise<DeviceHealth>;
  /** The size of the hub's SQLite file, after its write-ahead log was folded in. */
  databaseBytes(): Promise<number>;
  close(): Promise<void>;
}

export async function startHubRig(options: HubRigOptions = {}): Promise<HubRig> {
  const storeId = options.storeId ?? 'demo-store';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-rig-'));
  let hub: RunningHub | null = null;
  let proxy: FaultProxy | null = null;
  try {
    hub = await startHub({ port: 0, dataDir, logger: false, jobs: false, options: { consoleDir: null } });
    const enrolmentToken = newEnrolmentToken();
    const now = Date.now();
    await createEnrolmentSecret(hub.store, {
      kind: 'token',
      secretHash: enrolmentSecretHash(enrolmentToken),
      storeId,
      kioskName: null,
      createdBy: 'test-rig',
      now,
      expiresAt: now + 7 * 86_400_000,
    });
    proxy = await startFaultProxy({ ...options.proxy, target: hub.url });
    return rig(hub, proxy, enrolmentToken, dataDir);
  } catch (err) {
    await proxy?.close();
    await hub?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

function rig(hub: RunningHub, proxy: FaultProxy, enrolmentToken: string, dataDir: string): HubRig {
  const { db } = hub.store;
  const parse = (json: string) => JSON.parse(json) as StoredEvent['body'];
  const ranges = async (table: 'seq_ranges' | 'dropped_ranges', deviceId: string) =>
    (await db.selectFrom(table).select(['from_seq', 'to_seq']).where('device_id', '=', deviceId).orderBy('from_seq').execute()).map(
      (r): SeqRange => [Number(r.from_seq), Number(r.to_seq)],
    );
  let closed = false;

  return {
    hub,
    proxy,
    url: proxy.url,
    enrolmentToken,
    kioskHub: { url: proxy.url, enrolmentToken },
    connectOrigins: [new URL(proxy.url).origin],

    async enrol(deviceId) {
      const res = await fetch(`${hub.url}/v1/enrol`, {
        method: 'POST',
        headers: { authorization: `Bearer ${enrolmentToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId, appVersion: '0.1.0', platform: 'node', couponKey: null }),
      });
      if (!res.ok) throw new Error(`enrolling ${deviceId} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },

    async allEvents() {
      const rows = await db.selectFrom('events').select(['device_id', 'seq', 'event', 'received_at', 'body']).orderBy('received_at').orderBy('seq').execute();
      return rows.map((r) => ({ deviceId: r.device_id, seq: r.seq === null ? null : Number(r.seq), event: r.event, receivedAt: Number(r.received_at), body: parse(r.body) }));
    },

    async eventsNamed(event) {
      const rows = await db.selectFrom('events').select(['device_id', 'seq', 'body']).where('event', '=', event).orderBy('device_id').orderBy('seq').execute();
      return rows.map((r) => ({ deviceId: r.device_id, seq: r.seq === null ? null : Number(r.seq), properties: parse(r.body).properties }));
    },

    async count() {
      const row = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async devices() {
      const rows = await db.selectFrom('events').select('device_id').distinct().orderBy('device_id').execute();
      return rows.map((r) => r.device_id);
    },

    async health(deviceId) {
      const summary = await db
        .selectFrom('events')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('seq').as('first'), eb.fn.max('seq').as('last')])
        .where('device_id', '=', deviceId)
        .executeTakeFirstOrThrow();
      const missing = missingSeqs(await ranges('seq_ranges', deviceId), await ranges('dropped_ranges', deviceId));
      const rejected = await db.selectFrom('rejected_events').select((eb) => eb.fn.countAll<number>().as('n')).where('device_id', '=', deviceId).executeTakeFirstOrThrow();
      const conflicts = await db
        .selectFrom(db.selectFrom('events').select('seq').where('device_id', '=', deviceId).where('seq', 'is not', null).groupBy('seq').having((eb) => eb.fn.countAll(), '>', 1).as('twice'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const kiosk = await db.selectFrom('kiosks').select('seq_gaps').where('device_id', '=', deviceId).executeTakeFirst();
      return {
        deviceId,
        events: Number(summary.n),
        firstSeq: summary.first === null ? null : Number(summary.first),
        lastSeq: summary.last === null ? null : Number(summary.last),
        missing: { count: countRanges(missing), ranges: missing.slice(0, 100) },
        rejected: Number(rejected.n),
        seqConflicts: Number(conflicts.n),
        fleetSeqGaps: Number(kiosk?.seq_gaps ?? 0),
      };
    },

    async databaseBytes() {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      return (await stat(path.join(dataDir, SQLITE_FILE))).size;
    },

    async close() {
      if (closed) return;
      closed = true;
      await proxy.close();
      await hub.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
