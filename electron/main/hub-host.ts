// Main's hub agent: the shared agent (electron/common/hub-agent) with main's storage
// (the data folder, the credential encrypted with safeStorage), main's heartbeat facts
// and main's command executors.
import path from 'node:path';
import type { LedgerEntry } from '../common/hub-agent/command-ledger.ts';
import { heartbeatFacts, type HostFacts, type RendererReports } from '../common/hub-agent/heartbeat-body.ts';
import { HubAgent, type HubPackNews } from '../common/hub-agent/hub-agent.ts';
import type { HubStatus } from '../common/hub-agent/hub-payloads.ts';
import { hubSettingsProblems } from '../common/hub-agent/hub-settings.ts';
import type { CouponPublicKey } from '../common/kiosk-api.ts';
import type { KioskSettings } from '../common/kiosk-settings.ts';
import type { SecretBox } from './coupon-keys.ts';
import { mainCommandExecutors, type MainCommandParts } from './hub-commands.ts';
import { fileCredentialStore, fileJsonStore, HUB_LEDGER_FILE } from './hub-files.ts';

export interface MainHubOptions {
  config: KioskSettings;
  identity: { deviceId: string; bootId: string; storeId: string; kioskName: string };
  appVersion: string;
  dataDir: string;
  box: SecretBox;
  couponKey: () => CouponPublicKey | null;
  reports: RendererReports;
  /** What main counts: uptime, the pack and its last problem, restarts, crashes, rollbacks. */
  facts: () => Omit<HostFacts, 'appVersion' | 'mode' | 'platform' | 'bootId'>;
  commands: MainCommandParts;
  log: (line: string) => void;
  onStatus: (status: HubStatus) => void;
  /** The hub's word on content packs (keys to trust, the pack it assigns). */
  onPackNews?: (news: HubPackNews) => void;
  fetch?: typeof fetch;
}

export interface MainHub {
  agent: HubAgent;
  /** What an installer should fix about the hub settings and the credential's protection. */
  problems(): string[];
}

export function createMainHub(o: MainHubOptions): MainHub {
  const credentials = fileCredentialStore(o.dataDir, o.box);
  const agent = new HubAgent({
    settings: o.config.hub,
    device: { deviceId: o.identity.deviceId, storeId: o.identity.storeId, kioskName: o.identity.kioskName, appVersion: o.appVersion, platform: process.platform },
    couponKey: async () => o.couponKey(),
    heartbeat: () => heartbeatFacts({ appVersion: o.appVersion, mode: 'electron', platform: process.platform, bootId: o.identity.bootId, ...o.facts() }, o.reports),
    executors: mainCommandExecutors(o.commands),
    credentials,
    ledger: fileJsonStore<LedgerEntry[]>(path.join(o.dataDir, HUB_LEDGER_FILE)),
    fetch: o.fetch,
    log: o.log,
    onStatus: o.onStatus,
    ...(o.onPackNews ? { onPackNews: o.onPackNews } : {}),
  });
  const settingsProblems = hubSettingsProblems(o.config);
  return {
    agent,
    problems: () => {
      const stored = credentials.problem();
      return stored ? [...settingsProblems, stored] : settingsProblems;
    },
  };
}
