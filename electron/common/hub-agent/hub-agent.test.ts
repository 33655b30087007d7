import { afterEach, describe, expect, it } from 'vitest';
import type { KioskCommand } from '../../../content/schema/hub-api/commands.ts';
import { DEFAULT_KIOSK_CONFIG } from '../../../content/schema/kiosk-config.ts';
import type { KioskSettings } from '../kiosk-settings.ts';
import { memoryStore, type StoredCredential } from './agent-stores.ts';
import type { LedgerEntry } from './command-ledger.ts';
import { heartbeatFacts, newRendererReports, type HostFacts, type RendererReports } from './heartbeat-body.ts';
import { HubAgent, type CommandExecutors, type CommandOutcome } from './hub-agent.ts';
import type { HubStatus, RendererHealth } from './hub-payloads.ts';
import { FakeHub } from './testing/fake-hub.ts';
import { manualClock } from './testing/manual-clock.ts';

const DEVICE = { deviceId: '3c1d2e4f-0000-4000-8000-000000000001', storeId: 'sh-001', kioskName: 'Window 1', appVersion: '0.1.0', platform: 'linux' };
const TOKEN = 'et_rollout_2026_spring';
const CODE = 'K7Q2-M9XD';

const HOST: HostFacts = {
  appVersion: '0.1.0',
  mode: 'electron',
  platform: 'linux',
  bootId: 'boot-1',
  uptimeSec: 600,
  pack: { packId: 'spring-2026', version: '1.4.0' },
  packProblem: null,
  rendererRestarts: 2,
  rendererCrashes: 1,
  packRollbacks: 0,
  update: { state: 'downloading', currentVersion: '0.1.0', availableVersion: '0.2.0', percent: 42.5, message: null, lastCheckAt: 1_790_000_000_000 },
};

const RENDERER: RendererHealth = {
  outbox: { depth: 12, bytes: 9_000, oldestUnsentAgeMs: 4_000, lastSuccessAt: 1_790_000_000_000, shedTotal: 0, quarantinedTotal: 1 },
  jsHeapBytes: 48_000_000,
  fps: 59.5,
  lastInteractionAt: 1_790_000_100_000,
  session: 'active',
  scanner: 'hid-connected',
};

const agents: HubAgent[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.stop();
});

/** A kiosk as a host runs it: stores that outlive the agent (a restart is a new agent on the same stores). */
function kiosk(hubSettings: Partial<KioskSettings['hub']> = {}, { hubClockAheadMs = 0 } = {}) {
  const clock = manualClock();
  const hub = new FakeHub(() => clock.now() + hubClockAheadMs);
  const credentials = memoryStore<StoredCredential>();
  const ledger = memoryStore<LedgerEntry[]>();
  const reports: RendererReports = newRendererReports();
  const ran: KioskCommand[] = [];
  const statuses: HubStatus[] = [];
  const log: string[] = [];
  const outcome = (message: string): CommandOutcome => ({ result: { ok: true, message } });
  const executors: { -readonly [K in keyof CommandExecutors]: CommandExecutors[K] } = {
    screenshot: async (c) => (ran.push(c), { result: { ok: true, message: 'Screenshot 960×540', screenshot: { mime: 'image/jpeg', width: 960, height: 540, base64: '/9j/AA==' } } }),
    reload: async (c) => (ran.push(c), outcome('Reloaded the screen.')),
    restart: async (c) => (ran.push(c), outcome('Restarting.')),
    'upload-events': async (c) => (ran.push(c), outcome('Asked the screen to send its events now.')),
    'check-pack': async (c) => (ran.push(c), outcome('No new pack.')),
    logs: async (c) => (ran.push(c), outcome('The last 0 lines of the kiosk\'s log.')),
  };
  const settings = { ...DEFAULT_KIOSK_CONFIG.hub, url: hub.url, ...hubSettings };
  const start = async () => {
    const agent = new HubAgent({
      settings,
      device: DEVICE,
      couponKey: async () => null,
      heartbeat: () => heartbeatFacts({ ...HOST, uptimeSec: HOST.uptimeSec }, reports),
      executors,
      credentials,
      ledger,
      fetch: hub.fetch,
      clock,
      random: () => 0.5,
      log: (line) => log.push(line),
      onStatus: (status) => statuses.push(status),
    });
    agents.push(agent);
    await agent.start();
    await clock.advance(0);
    return agent;
  };
  const restart = async (agent: HubAgent) => {
    await agent.stop();
    agents.splice(agents.indexOf(agent), 1);
    return start();
  };
  return { clock, hub, credentials, ledger, reports, ran, statuses, log, executors, start, restart };
}

const command = (id: string, kind: KioskCommand['kind'], expiresAt: number): KioskCommand => ({ id, kind, expiresAt });

describe('hub agent: enrolment', () => {
  it('enrols with the token from the settings once, and keeps the credential across a restart', async () => {
    const k = kiosk({ enrolmentToken: TOKEN });
    k.hub.secrets.set(TOKEN, { storeId: 'sh-001', kioskName: null, oneTime: false });
    const first = await k.start();
    expect(first.status()).toMatchObject({ state: 'enrolled', hubUrl: k.hub.url, storeId: 'sh-001', kioskName: 'Window 1', lastError: null });
    expect(k.hub.enrolments).toEqual([expect.objectContaining({ secret: TOKEN, deviceId: DEVICE.deviceId, storeId: 'sh-001', kioskName: 'Window 1', appVersion: '0.1.0', platform: 'linux', couponKey: null })]);
    expect(k.hub.count('heartbeat')).toBe(1);
    const credential = k.credentials.value;
    expect(credential).toMatchObject({ kind: 'enrolled', hubUrl: k.hub.url, deviceId: DEVICE.deviceId });

    const again = await k.restart(first);
    expect(again.status()).toMatchObject({ state: 'enrolled', storeId: 'sh-001' });
    expect(k.hub.enrolments).toHaveLength(1);
    expect(k.hub.count('heartbeat')).toBe(2);
    // Every kiosk route carries the kiosk's own credential, the same one after the restart.
    const used = new Set(k.hub.requests.filter((r) => r.route !== 'enrol').map((r) => r.authorization));
    expect(used).toEqual(new Set([`Bearer ${credential?.kind === 'enrolled' ? credential.token : ''}`]));
    // The credential never reaches the log.
    expect(k.log.join('\n')).not.toContain('kt_');
  });

  it('refuses a code typed wrong with the hub\'s own message, and enrols with the right one', async () => {
    const k = kiosk();
    k.hub.secrets.set(CODE, { storeId: 'sh-002', kioskName: 'Door', oneTime: true });
    const agent = await k.start();
    expect(agent.status()).toMatchObject({ state: 'not-enrolled', lastError: null });

    expect(await agent.enrol('K7Q2-M9XF')).toEqual({ ok: false, message: 'This enrolment code is not valid or has expired: make a new one in the console.' });
    expect(agent.status()).toMatchObject({ state: 'not-enrolled', lastError: 'This enrolment code is not valid or has expired: make a new one in the console.' });
    expect(await agent.enrol('hello')).toEqual({ ok: false, message: expect.stringMatching(/not an enrolment code.*K7Q2-M9XD/) });
    expect(k.hub.enrolments).toHaveLength(1);

    // Typed as an installer might: lower case, a space instead of the dash.
    const result = await agent.enrol(' k7q2 m9xd ');
    expect(result).toMatchObject({ ok: true, status: { state: 'enrolled', storeId: 'sh-002', kioskName: 'Door', lastError: null } });
    expect(k.hub.enrolments.at(-1)?.secret).toBe(CODE);
    expect(await agent.enrol(CODE)).toEqual({ ok: false, message: expect.stringMatching(/already enrolled/) });
  });

  it('keeps trying a token while the hub is down, and gives up on one the hub refuses', async () => {
    const k = kiosk({ enrolmentToken: TOKEN });
    k.hub.secrets.set(TOKEN, { storeId: 'sh-001', kioskName: null, oneTime: false });
    k.hub.script('enrol', { status: 503, headers: { 'retry-after': '30' } }, { status: 503, headers: { 'retry-after': '30' } });
    const agent = await k.start();
    expect(agent.status()).toMatchObject({ state: 'not-enrolled', lastError: expect.stringMatching(/busy.*Trying again in 30 s/) });
    await k.clock.advance(60_000);
    expect(agent.status().state).toBe('enrolled');
    expect(k.hub.count('enrol')).toBe(3);

    const refused = kiosk({ enrolmentToken: 'et_expired_token' });
    const other = await refused.start();
    await refused.clock.advance(3_600_000);
    expect(refused.hub.count('enrol')).toBe(1);
    expect(other.status()).toMatchObject({ state: 'not-enrolled', lastError: expect.stringMatching(/hub.enrolmentToken.*not valid or has expired/) });
  });

  it('is off without hub.url, and sends nothing', async () => {
    const k = kiosk({ url: undefined, enrolmentToken: TOKEN });
    const agent = await k.start();
    await k.clock.advance(600_000);
    expect(agent.status()).toMatchObject({ state: 'off', hubUrl: null });
    expect(k.hub.requests).toEqual([]);
    expect(await agent.enrol(CODE)).toMatchObject({ ok: false, message: expect.stringMatching(/hub.url/) });
    expect(agent.eventsTarget()).toBeNull();
  });

  it('never sends a credential to a hub other than the one that issued it', async () => {
    const k = kiosk();
    k.credentials.value = { kind: 'enrolled', hubUrl: 'https://old-hub.example.com/', token: 'kt_old', deviceId: DEVICE.deviceId, storeId: 'sh-001', kioskName: 'Window 1', enrolledAt: '2026-01-01T00:00:00Z' };
    const agent = await k.start();
    await k.clock.advance(120_000);
    expect(agent.status()).toMatchObject({ state: 'not-enrolled', lastError: expect.stringMatching(/old-hub\.example\.com.*enrol it with the new hub/) });
    expect(k.hub.requests).toEqual([]);
  });
});

describe('hub agent: heartbeats', () => {
  it("carries the renderer's last report and the host's counts", async () => {
    const k = kiosk();
    k.hub.secrets.set(CODE, { storeId: 'sh-001', kioskName: null, oneTime: true });
    const agent = await k.start();
    await agent.enrol(CODE);
    await k.clock.advance(0);
    // Before the renderer has reported: its fields are empty, never made up.
    expect(k.hub.heartbeats[0]).toMatchObject({ outbox: null, fps: null, jsHeapBytes: null, scanner: 'none', session: 'idle', rendererRestarts: 2, rendererCrashes: 1 });
    expect(k.hub.heartbeats[0]!.update).toEqual({ state: 'downloading', currentVersion: '0.1.0', availableVersion: '0.2.0', percent: 42.5, message: null, lastCheckAt: 1_790_000_000_000 });

    k.reports.health = RENDERER;
    k.reports.session = 'active';
    k.reports.camera = 'available';
    await k.clock.advance(60_000);
    expect(k.hub.heartbeats).toHaveLength(2);
    expect(k.hub.heartbeats[1]).toMatchObject({
      outbox: RENDERER.outbox,
      jsHeapBytes: 48_000_000,
      fps: 59.5,
      lastInteractionAt: RENDERER.lastInteractionAt,
      session: 'active',
      scanner: 'hid-connected',
      camera: 'available',
      mode: 'electron',
      bootId: 'boot-1',
      pack: { packId: 'spring-2026', version: '1.4.0' },
      sentAt: new Date(k.clock.now()).toISOString(),
    });
    expect(agent.status().lastHeartbeatAt).toBe(k.clock.now());
  });

  it('waits out a 503 with Retry-After, and says so', async () => {
    const k = kiosk();
    k.hub.secrets.set(CODE, { storeId: 'sh-001', kioskName: null, oneTime: true });
    const agent = await k.start();
    k.hub.script('heartbeat', { status: 503, headers: { 'retry-after': '120' }, body: { error: 'Down for maintenance', code: 'maintenance' } });
    await agent.enrol(CODE);
    await k.clock.advance(0);
    const refusedAt = k.clock.now();
    expect(k.hub.count('heartbeat')).toBe(1);
    expect(agent.status().lastError).toMatch(/busy \(503: Down for maintenance\)\. Trying again in 120 s/);

    await k.clock.advance(119_000);
    expect(k.hub.count('heartbeat')).toBe(1);
    await k.clock.advance(1_000);
    expect(k.hub.count('heartbeat')).toBe(2);
    expect(k.hub.requests.filter((r) => r.route === 'heartbeat')[1]!.at - refusedAt).toBe(120_000);
    expect(agent.status()).toMatchObject({ state: 'enrolled', lastError: null });
  });

  it('backs off with full jitter when the hub cannot be reached, forever, and recovers by itself', async () => {
    const k = kiosk();
    k.hub.secrets.set(CODE, { storeId: 'sh-001', kioskName: null, oneTime: true });
    const agent = await k.start();
    await agent.enrol(CODE);
    await k.clock.advance(0);
    k.hub.offline = true;
    const attempts = k.hub.attempts;
    await k.clock.advance(2 * 3_600_000);
    // random() = 0.5: waits of 1 s, 2 s, 4 s … then 150 s (half the 5-minute cap), for heartbeats and polls alike.
    const tries = k.hub.attempts - attempts;
    expect(tries).toBeGreaterThan((2 * 7_200) / 150);
    expect(tries).toBeLessThan((2 * 7_200) / 150 + 30);
    expect(agent.status()).toMatchObject({ state: 'enrolled', lastError: expect.stringMatching(/Cannot reach the hub at https:\/\/hub\.example\.com \(fetch failed\): check the network and hub\.url/) });

    k.hub.offline = false;
    const beats = k.hub.count('heartbeat');
    await k.clock.advance(5 * 60_000);
    expect(k.hub.count('heartbeat')).toBeGreaterThan(beats);
    expect(agent.status().lastError).toBeNull();
  });
});

describe('hub agent: commands', () => {
  async function enrolled(k: ReturnType<typeof kiosk>) {
    k.hub.secrets.set(CODE, { storeId: 'sh-001', kioskName: null, oneTime: true });
    const agent = await k.start();
    await agent.enrol(CODE);
    await k.clock.advance(0);
    return agent;
  }

  it('runs a command delivered twice once, and sends its result both times', async () => {
    const k = kiosk();
    const agent = await enrolled(k);
    const reload = command('c-1', 'reload', k.clock.now() + 15 * 60_000);
    k.hub.deliver(reload);
    await k.clock.advance(25_000);
    expect(k.ran).toEqual([reload]);
    expect(k.hub.results).toEqual([{ id: 'c-1', result: { ok: true, message: 'Reloaded the screen.' } }]);
    expect(agent.status().lastCommand).toMatchObject({ id: 'c-1', kind: 'reload', ok: true });

    // The hub did not record the result (say, it restarted) and delivers it again, even to a restarted kiosk.
    const again = await k.restart(agent);
    k.hub.deliver(reload);
    await k.clock.advance(25_000);
    expect(k.ran).toEqual([reload]);
    expect(k.hub.results).toEqual([
      { id: 'c-1', result: { ok: true, message: 'Reloaded the screen.' } },
      { id: 'c-1', result: { ok: true, message: 'Reloaded the screen.' } },
    ]);
    expect(again.status().lastCommand).toBeNull();
  });

  it('writes a command down before running it, so one cut short by a restart is never run again', async () => {
    const k = kiosk();
    const agent = await enrolled(k);
    const written: (LedgerEntry[] | null)[] = [];
    const write = k.ledger.write;
    k.ledger.write = async (value) => (written.push(value), write(value));
    const ranBefore = k.ran.length;
    const restart = command('c-2', 'restart', k.clock.now() + 60_000);
    k.hub.deliver(restart);
    await k.clock.advance(25_000);
    expect(k.ran.length).toBe(ranBefore + 1);
    expect(written[0]).toEqual([expect.objectContaining({ id: 'c-2', kind: 'restart', result: null })]);
    expect(written[1]).toEqual([expect.objectContaining({ id: 'c-2', result: { ok: true, message: 'Restarting.' } })]);

    // A kiosk that died mid-command: the ledger holds the id without a result.
    k.ledger.value = [{ id: 'c-3', kind: 'screenshot', ranAt: k.clock.now(), expiresAt: k.clock.now() + 60_000, result: null }];
    await k.restart(agent);
    k.hub.deliver(command('c-3', 'screenshot', k.clock.now() + 60_000));
    await k.clock.advance(25_000);
    expect(k.ran.map((c) => c.id)).toEqual(['c-2']);
    expect(k.hub.results.at(-1)).toEqual({ id: 'c-3', result: { ok: false, message: expect.stringMatching(/stopped while running/) } });
  });

  it('does not run a command that expired before it arrived', async () => {
    const k = kiosk();
    await enrolled(k);
    k.hub.deliver(command('old', 'restart', k.clock.now() - 1_000));
    k.hub.deliver(command('new', 'check-pack', k.clock.now() + 60_000));
    await k.clock.advance(25_000);
    expect(k.ran.map((c) => c.id)).toEqual(['new']);
    expect(k.hub.results.map((r) => r.id)).toEqual(['new']);
    expect(k.log.join('\n')).toMatch(/command old \(restart\) not run: expired/);
  });

  it('judges expiry by the hub’s clock even before a heartbeat answer says how far off its own is', async () => {
    // The kiosk's clock runs two hours ahead of the hub's (no time server after a power cut),
    // and its first heartbeat does not get through: the command came with the hub's time.
    const k = kiosk({}, { hubClockAheadMs: -2 * 3_600_000 });
    k.hub.script('heartbeat', { status: 503, headers: { 'retry-after': '60' } });
    k.hub.deliver(command('c-9', 'check-pack', k.clock.now() - 2 * 3_600_000 + 15 * 60_000));
    await enrolled(k);
    await k.clock.advance(1_000);
    expect(k.hub.count('heartbeat')).toBe(1);
    expect(k.ran.map((c) => c.id)).toEqual(['c-9']);
    expect(k.hub.results).toEqual([{ id: 'c-9', result: { ok: true, message: 'No new pack.' } }]);
  });

  it('asks for commands at once when a heartbeat says some are waiting', async () => {
    // A hub (or a proxy before it) that does not hold the long-poll: the kiosk polls every commandWaitSec.
    const k = kiosk({ commandWaitSec: 55 });
    const start = k.clock.now();
    await enrolled(k);
    await k.clock.advance(56_000); // just after the second poll
    k.hub.deliver(command('c-4', 'upload-events', k.clock.now() + 600_000));
    k.hub.commandsWaiting = 1;
    await k.clock.advance(4_000); // the heartbeat at 60 s says one is waiting
    const polls = k.hub.requests.filter((r) => r.route === 'commands').map((r) => r.at - start);
    // …and once more straight after, as after any answer that brought commands.
    expect(polls).toEqual([0, 55_000, 60_000, 60_000]);
    expect(k.ran.map((c) => c.id)).toEqual(['c-4']);
  });

  it('posts a result again until the hub takes it, and only then restarts', async () => {
    const k = kiosk();
    await enrolled(k);
    const restarts: number[] = [];
    k.executors.restart = async (c) => {
      k.ran.push(c);
      return { result: { ok: true, message: 'Restarting the kiosk app.' }, afterReported: () => restarts.push(k.clock.now()) };
    };
    k.hub.script('commandResult', { status: 503 }, { status: 503, headers: { 'retry-after': '10' } });
    k.hub.deliver(command('c-5', 'restart', k.clock.now() + 600_000));
    await k.clock.advance(25_000);
    expect(k.ran.map((c) => c.id)).toEqual(['c-5']);
    expect(restarts).toEqual([]);
    await k.clock.advance(15_000);
    expect(k.hub.count('commandResult')).toBe(3);
    expect(k.hub.results).toEqual([{ id: 'c-5', result: { ok: true, message: 'Restarting the kiosk app.' } }]);
    expect(restarts).toHaveLength(1);
  });

  it('sends a screenshot once with its picture', async () => {
    const k = kiosk();
    await enrolled(k);
    k.hub.deliver(command('s-1', 'screenshot', k.clock.now() + 60_000));
    await k.clock.advance(25_000);
    expect(k.hub.results).toEqual([{ id: 's-1', result: { ok: true, message: 'Screenshot 960×540', screenshot: { mime: 'image/jpeg', width: 960, height: 540, base64: '/9j/AA==' } } }]);
  });
});

describe('hub agent: a revoked credential', () => {
  it('on a 401 forgets the credential, says the kiosk is not enrolled and why, and sends nothing more', async () => {
    const k = kiosk({ enrolmentToken: TOKEN });
    k.hub.secrets.set(TOKEN, { storeId: 'sh-001', kioskName: null, oneTime: false });
    const agent = await k.start();
    expect(agent.status().state).toBe('enrolled');
    expect(agent.eventsTarget()).toMatchObject({ url: k.hub.url, writeKey: expect.stringMatching(/^kt_/) });

    k.hub.revokeAll();
    await k.clock.advance(60_000);
    expect(agent.status()).toMatchObject({ state: 'revoked', storeId: 'sh-001', lastError: "The hub no longer accepts this kiosk's credential: This kiosk was revoked in the console: enrol it again with a new code." });
    expect(agent.eventsTarget()).toBeNull();
    expect(k.credentials.value).toMatchObject({ kind: 'revoked', hubUrl: k.hub.url });
    expect(JSON.stringify(k.credentials.value)).not.toContain('kt_');
    expect(k.statuses.at(-1)?.state).toBe('revoked');

    const requests = k.hub.requests.length;
    await k.clock.advance(3_600_000);
    expect(k.hub.requests.length).toBe(requests);

    // After a restart it stays out: the roll-out token is not used to come back by itself.
    const restarted = await k.restart(agent);
    await k.clock.advance(600_000);
    expect(restarted.status()).toMatchObject({ state: 'revoked' });
    expect(k.hub.count('enrol')).toBe(1);

    // An installer enrols it again with a new code.
    k.hub.secrets.set(CODE, { storeId: 'sh-001', kioskName: 'Window 1', oneTime: true });
    expect(await restarted.enrol(CODE)).toMatchObject({ ok: true, status: { state: 'enrolled', lastError: null } });
    await k.clock.advance(0);
    expect(k.hub.requests.length).toBeGreaterThan(requests + 1);
  });
});
