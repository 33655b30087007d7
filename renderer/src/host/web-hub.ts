// The hub agent in browser mode: the same agent main runs (electron/common/hub-agent),
// its credential and command ledger kept in this browser's IndexedDB, and the commands a
// page can carry out — reload itself, wake its uploader. A screenshot, a restart and a
// pack check need the kiosk app and say so.
import { Dexie, type EntityTable } from 'dexie';
import type { LedgerEntry } from '../../../electron/common/hub-agent/command-ledger.ts';
import type { StoredCredential, ValueStore } from '../../../electron/common/hub-agent/agent-stores.ts';
import { heartbeatFacts, type RendererReports } from '../../../electron/common/hub-agent/heartbeat-body.ts';
import { HubAgent, type CommandExecutors, type CommandOutcome, type HubPackNews } from '../../../electron/common/hub-agent/hub-agent.ts';
import type { EventsTarget, HostCommand, HubEnrolResult, HubStatus } from '../../../electron/common/hub-agent/hub-payloads.ts';
import type { CouponPublicKey } from '../../../electron/common/kiosk-api.ts';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';

export const WEB_HUB_DB = 'kiosk-web-hub';

interface StateRow {
  id: 'credential' | 'ledger';
  value: unknown;
}
type HubStateDb = Dexie & { state: EntityTable<StateRow, 'id'> };

function openDb(name: string): HubStateDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as HubStateDb;
  db.version(1).stores({ state: 'id' });
  return db;
}

function rowStore<T>(db: HubStateDb, id: StateRow['id']): ValueStore<T> {
  return {
    read: async () => (await db.state.get(id))?.value ?? null,
    write: async (value) => {
      if (value === null) await db.state.delete(id);
      else await db.state.put({ id, value });
    },
  };
}

const notInBrowser = (what: string): CommandOutcome => ({ result: { ok: false, message: `Not available in browser mode: ${what}` } });

export interface WebHubOptions {
  config: Promise<KioskSettings>;
  deviceId: Promise<string>;
  bootId: string;
  startedAt: number;
  appVersion: string;
  platform: string;
  reports: RendererReports;
  /** The pack the page shows, the last one it could not show, and how many it went back from. */
  pack: () => { packId: string; version: string } | null;
  packProblem?: () => string | null;
  packRollbacks?: () => number;
  /** The hub's word on packs (hubUrl: the kiosk's hub.url). */
  onPackNews?: (news: HubPackNews, hubUrl: string) => void;
  couponKey: () => Promise<CouponPublicKey | null>;
  fetchImpl: typeof fetch;
  dbName?: string;
  /** location.reload(), after the result of a reload command reached the hub. */
  reloadPage: () => void;
  onHostCommand: (command: HostCommand) => void;
  onStatus: (status: HubStatus) => void;
}

export interface WebHub {
  status(): Promise<HubStatus>;
  enrol(code: string): Promise<HubEnrolResult>;
  eventsTarget(): Promise<EventsTarget | null>;
}

export function createWebHub(o: WebHubOptions): WebHub {
  const executors: CommandExecutors = {
    screenshot: async () => notInBrowser('a screenshot needs the kiosk app (a web page cannot take a picture of its own screen).'),
    reload: async () => ({ result: { ok: true, message: 'Reloading the page.' }, afterReported: o.reloadPage }),
    restart: async () => notInBrowser('restarting needs the kiosk app; send "reload" to load the page again.'),
    'upload-events': async (command) => {
      o.onHostCommand({ id: command.id, kind: 'upload-events' });
      const depth = o.reports.health?.outbox?.depth;
      return { result: { ok: true, message: `Asked the page to send its events now${depth === undefined ? '' : ` (${depth} were waiting at its last report)`}.` } };
    },
    'check-pack': async () => notInBrowser('a page shows the pack its web server serves, or the one the hub names in its heartbeat answer; it follows the hub at each heartbeat.'),
    logs: async () => notInBrowser('a page logs to the browser console; there is no log file to send.'),
  };

  const agent: Promise<HubAgent> = (async () => {
    const config = await o.config;
    const deviceId = await o.deviceId;
    const db = config.hub.url ? openDb(o.dbName ?? WEB_HUB_DB) : null;
    const made = new HubAgent({
      settings: config.hub,
      device: { deviceId, storeId: config.storeId, kioskName: config.kioskName, appVersion: o.appVersion, platform: o.platform },
      couponKey: o.couponKey,
      heartbeat: () =>
        heartbeatFacts(
          {
            appVersion: o.appVersion,
            mode: 'web',
            platform: o.platform,
            bootId: o.bootId,
            uptimeSec: (Date.now() - o.startedAt) / 1000,
            pack: o.pack(),
            packProblem: o.packProblem?.() ?? null,
            rendererRestarts: 0,
            rendererCrashes: 0,
            packRollbacks: o.packRollbacks?.() ?? 0,
            // A page does not update itself: the web server serves what it serves.
            update: null,
          },
          o.reports,
        ),
      executors,
      credentials: db ? rowStore<StoredCredential>(db, 'credential') : { read: async () => null, write: async () => undefined },
      ledger: db ? rowStore<LedgerEntry[]>(db, 'ledger') : { read: async () => null, write: async () => undefined },
      fetch: o.fetchImpl,
      log: (line) => console.info(`[kiosk] ${line}`),
      onStatus: o.onStatus,
      ...(o.onPackNews && config.hub.url ? { onPackNews: (news: HubPackNews) => o.onPackNews!(news, config.hub.url!) } : {}),
    });
    await made.start();
    return made;
  })();

  return {
    status: async () => (await agent).status(),
    enrol: async (code) => (await agent).enrol(code),
    eventsTarget: async () => (await agent).eventsTarget(),
  };
}
