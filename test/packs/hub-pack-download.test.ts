// The kiosk app's side of packs from the hub, against a real hub over HTTP: the hub
// agent hears of the hub's keys and assigned pack, the update poller fetches it with the
// kiosk's credential, the pack service imports and activates it — and follows a new
// rollout and a rollback.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { PackStore } from '../../content/lib/index.ts';
import { publicPart } from '../../content/lib/keys/key-files.ts';
import { buildSampleKpack, testKey } from '../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../content/schema/hub-api/console/auth.ts';
import { DEFAULT_KIOSK_CONFIG } from '../../content/schema/kiosk-config.ts';
import { memoryStore, type StoredCredential } from '../../electron/common/hub-agent/agent-stores.ts';
import type { LedgerEntry } from '../../electron/common/hub-agent/command-ledger.ts';
import { heartbeatFacts, newRendererReports } from '../../electron/common/hub-agent/heartbeat-body.ts';
import { HubAgent, type CommandExecutors } from '../../electron/common/hub-agent/hub-agent.ts';
import type { ActivePack } from '../../electron/common/kiosk-api.ts';
import { HUB_PACK_KEYS_FILE, startHubPacks } from '../../electron/main/hub-packs.ts';
import { PackService } from '../../electron/main/pack-service.ts';
import { sha256 } from '../../hub/server/auth/secrets.ts';
import { startHub, type RunningHub } from '../../hub/server/start-hub.ts';
import { createSetupToken } from '../../hub/store/queries/accounts.ts';

let temp: { dir: string; remove: () => Promise<void> };
let hub: RunningHub;
let v1: string;
let v2: string;

beforeAll(async () => {
  temp = await makeTempDir('hub-pack-download-');
  for (const dir of ['hub', 'kiosk', 'v1', 'v2']) await mkdir(path.join(temp.dir, dir));
  v1 = (await buildSampleKpack(path.join(temp.dir, 'v1'))).kpack;
  v2 = (await buildSampleKpack(path.join(temp.dir, 'v2'), { meta: { version: '1.1.0' } })).kpack;
  hub = await startHub({ port: 0, host: '127.0.0.1', dataDir: path.join(temp.dir, 'hub'), logger: false, jobs: false, options: { consoleDir: null } });
}, 60_000);
const running = new Set<{ stop(): Promise<void> }>();
afterAll(async () => {
  for (const agent of running) await agent.stop();
  // A long-poll the stopped agent gave up on is still held by the hub until its wait ends.
  hub?.app.server.closeAllConnections();
  await hub?.close();
  await temp.remove();
}, 60_000);

/** The console, as an admin: sign-up with a setup token, then JSON calls with the session. */
async function consoleAdmin() {
  await createSetupToken(hub.store, { tokenHash: sha256('setup-token'), now: Date.now(), expiresAt: Date.now() + 3_600_000 });
  const res = await fetch(`${hub.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'setup-token', username: 'admin', password: 'correct horse battery' }) });
  expect(res.status).toBe(200);
  const cookie = new RegExp(`${SESSION_COOKIE}=[^;]+`).exec(res.headers.get('set-cookie') ?? '')![0];
  const headers = { cookie, [CSRF_HEADER]: ((await res.json()) as { csrfToken: string }).csrfToken };
  const call = async (method: string, url: string, body?: unknown) => {
    const answer = await fetch(`${hub.url}${url}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect(answer.status, `${method} ${url}: ${answer.status}`).toBe(200);
    return answer.json() as Promise<Record<string, unknown>>;
  };
  const upload = async (file: string) => {
    const answer = await fetch(`${hub.url}/api/packs`, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: await readFile(file) });
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { pack: { id: string } }).pack.id;
  };
  return { call, upload };
}

/** The kiosk app's parts as main wires them: the hub agent, the hub's packs, the pack service. */
async function kioskApp() {
  const dataDir = path.join(temp.dir, 'kiosk');
  const activations: ActivePack[] = [];
  const credentials = memoryStore<StoredCredential>();
  const ledger = memoryStore<LedgerEntry[]>();
  let agent: HubAgent | null = null;
  const hubPacks = await startHubPacks({
    hubUrl: hub.url,
    token: () => agent?.eventsTarget()?.writeKey ?? null,
    dataDir,
    importPack: async (file) => {
      if (!(await service.importFile(file, 'url'))) throw new Error(service.lastImportError() ?? 'refused');
    },
    log: () => undefined,
  });
  const service = new PackService({
    store: await PackStore.open(path.join(dataDir, 'packs')),
    trustedKeys: () => hubPacks.trustedKeys(),
    kiosk: { storeId: 'sh-001', kioskId: 'kiosk-download-1' },
    bundled: null,
    readyTimeoutMs: 60_000,
    onActivePackChanged: (pack) => activations.push(pack),
    onNotice: () => undefined,
    log: () => undefined,
  });
  const unusable = async () => ({ result: { ok: false, message: 'not in this test' } });
  const executors: CommandExecutors = { screenshot: unusable, reload: unusable, restart: unusable, 'upload-events': unusable, 'check-pack': unusable, logs: unusable };
  /** The agent as the app starts it (again after a restart: the same stored credential). */
  const startAgent = async () => {
    await agent?.stop();
    agent = new HubAgent({
      settings: { ...DEFAULT_KIOSK_CONFIG.hub, url: hub.url },
      device: { deviceId: 'kiosk-download-1', storeId: 'sh-001', kioskName: 'Window', appVersion: '0.1.0', platform: 'linux' },
      couponKey: async () => null,
      heartbeat: () =>
        heartbeatFacts(
          { appVersion: '0.1.0', mode: 'electron', platform: 'linux', bootId: 'boot-1', uptimeSec: 1, pack: null, packProblem: null, rendererRestarts: 0, rendererCrashes: 0, packRollbacks: 0, update: null },
          newRendererReports(),
        ),
      executors,
      credentials,
      ledger,
      onPackNews: (news) => hubPacks.onNews(news),
    });
    running.add(agent);
    await agent.start();
    return agent;
  };
  return { service, hubPacks, startAgent, activations };
}

it('downloads the pack the hub assigns with the kiosk credential, imports it, and follows a new rollout and a rollback', async () => {
  const admin = await consoleAdmin();
  await admin.call('POST', '/api/pack-keys', publicPart(await testKey()));
  const first = await admin.upload(v1);
  const second = await admin.upload(v2);
  const { secret } = (await admin.call('POST', '/api/enrolment', { kind: 'code', storeId: 'sh-001', kioskName: 'Window' })) as { secret: string };

  const kiosk = await kioskApp();
  const { hubPacks } = kiosk;
  let agent = await kiosk.startAgent();
  expect(await agent.enrol(secret)).toMatchObject({ ok: true });
  // Told at enrolment: the hub's own key and the one the admin added; kept for the next start.
  await vi.waitFor(() => expect(hubPacks.trustedKeys().map((k) => k.name)).toEqual(['Shopfront hub', 'test key']));
  await vi.waitFor(async () => {
    const kept = JSON.parse(await readFile(path.join(temp.dir, 'kiosk', HUB_PACK_KEYS_FILE), 'utf8')) as { keys: { name: string }[] };
    expect(kept.keys.map((k) => k.name)).toEqual(['Shopfront hub', 'test key']);
  });
  // Nothing assigned yet: the hub answers 204, the kiosk keeps what it has.
  expect(await hubPacks.checkNow()).toEqual({ kind: 'not-modified' });
  expect(kiosk.service.active()).toBeNull();

  // A rollout: the next heartbeat answer names the pack, and the kiosk fetches and starts it by itself.
  await admin.call('POST', '/api/rollouts', { pack: first });
  agent = await kiosk.startAgent();
  await vi.waitFor(() => expect(kiosk.service.active()).toMatchObject({ packId: 'sample', version: '1.0.0' }), { timeout: 20_000 });
  // (The heartbeat's download may still be finishing: joined first; then a poll of its own costs a 304.)
  await hubPacks.checkNow();
  expect(await hubPacks.checkNow()).toEqual({ kind: 'not-modified' });

  const next = (await admin.call('POST', '/api/rollouts', { pack: second })) as { id: string };
  expect(await hubPacks.checkNow()).toMatchObject({ kind: 'imported' });
  expect(kiosk.service.active()).toMatchObject({ version: '1.1.0' });

  await admin.call('POST', `/api/rollouts/${next.id}/rollback`);
  expect(await hubPacks.checkNow()).toMatchObject({ kind: 'imported' });
  expect(kiosk.service.active()).toMatchObject({ version: '1.0.0' });
  expect(kiosk.activations.map((p) => p.version)).toEqual(['1.0.0', '1.1.0', '1.0.0']);

  // The fleet view shows what it runs once it says so.
  const fleet = (await admin.call('GET', '/api/pack-fleet')) as { kiosks: { deviceId: string; assigned: { version: string } }[] };
  expect(fleet.kiosks.find((k) => k.deviceId === 'kiosk-download-1')?.assigned.version).toBe('1.0.0');
  await agent.stop();
  await hubPacks.close();
}, 60_000);
