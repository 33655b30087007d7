import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG } from '../../content/schema/kiosk-config.ts';
import { newRendererReports } from '../common/hub-agent/heartbeat-body.ts';
import type { HubStatus } from '../common/hub-agent/hub-payloads.ts';
import { FakeHub } from '../common/hub-agent/testing/fake-hub.ts';
import type { SecretBox } from './coupon-keys.ts';
import { HUB_CREDENTIAL_FILE } from './hub-files.ts';
import { createMainHub, type MainHub } from './hub-host.ts';

const box: SecretBox = {
  isAvailable: async () => true,
  backend: () => 'gnome_libsecret',
  encrypt: async (plain) => Buffer.from(plain).reverse(),
  decrypt: async (data) => ({ plain: Buffer.from(data).reverse().toString(), reEncrypt: false }),
};

const dirs: string[] = [];
const hubs: MainHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.agent.stop();
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

function mainHub(dataDir: string, fake: FakeHub, collectorUrl?: string) {
  const statuses: HubStatus[] = [];
  const reports = newRendererReports();
  const hub = createMainHub({
    config: { ...DEFAULT_KIOSK_CONFIG, collector: { ...DEFAULT_KIOSK_CONFIG.collector, url: collectorUrl }, hub: { ...DEFAULT_KIOSK_CONFIG.hub, url: fake.url, enrolmentToken: 'et_rollout_1' } },
    identity: { deviceId: '0b7f4f7e-8a3c-4d1e-9f00-1234567890ab', bootId: 'boot-1', storeId: 'sh-001', kioskName: 'Window 1' },
    appVersion: '0.1.0',
    dataDir,
    box,
    couponKey: () => null,
    reports,
    facts: () => ({ uptimeSec: 42, pack: { packId: 'spring', version: '2.0.0' }, packProblem: null, rendererRestarts: 3, rendererCrashes: 2, packRollbacks: 1, update: null }),
    commands: {
      session: () => reports.session,
      capturePage: async () => null,
      reload: () => undefined,
      restart: () => undefined,
      sendHostCommand: () => undefined,
      outboxDepth: () => null,
      checkPack: async () => null,
      logLines: async () => [],
    },
    log: () => undefined,
    onStatus: (s) => statuses.push(s),
    fetch: fake.fetch,
  });
  hubs.push(hub);
  return { hub, statuses };
}

describe("main's hub agent", () => {
  it('enrols with the token, keeps the credential encrypted in the data folder, and reports what main counts', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-main-hub-'));
    dirs.push(dir);
    const fake = new FakeHub(Date.now);
    fake.secrets.set('et_rollout_1', { storeId: 'sh-001', kioskName: null, oneTime: false });

    const first = mainHub(dir, fake);
    await first.hub.agent.start();
    await expect.poll(() => first.hub.agent.status().state).toBe('enrolled');
    await expect.poll(() => fake.heartbeats.length).toBe(1);
    expect(fake.heartbeats[0]).toMatchObject({ mode: 'electron', platform: process.platform, bootId: 'boot-1', rendererRestarts: 3, rendererCrashes: 2, packRollbacks: 1, pack: { packId: 'spring', version: '2.0.0' } });
    const token = first.hub.agent.eventsTarget()!.writeKey;
    expect(await fs.readFile(path.join(dir, HUB_CREDENTIAL_FILE), 'utf8')).not.toContain(token);
    await first.hub.agent.stop();

    const second = mainHub(dir, fake, 'https://collector.example.com');
    await second.hub.agent.start();
    expect(second.hub.agent.status()).toMatchObject({ state: 'enrolled', storeId: 'sh-001' });
    expect(second.hub.agent.eventsTarget()?.writeKey).toBe(token);
    expect(fake.enrolments).toHaveLength(1);
    expect(second.hub.problems()).toEqual([expect.stringMatching(/Both hub.url and collector.url are set/)]);
  });
});
