// Hub processes as they run in production: separate OS processes on one database,
// killed with SIGKILL in the middle of uploads and started again, while a kiosk keeps
// re-sending what was not acknowledged. Every event ends up stored exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openStore } from '../store/open-store.ts';
import { createEnrolmentSecret } from '../store/queries/enrolment.ts';
import { describeEachDatabase } from '../store/testing/each-database.ts';
import { enrolmentSecretHash } from './auth/secrets.ts';
import { track } from './testing/hub-fixture.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const DEVICE = 'kiosk-kill-0001';
const EVENTS = 3000;
const BATCH = 50;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

class HubProcess {
  child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'hub/server/cli.ts'), '--port', String(this.port)], {
      cwd: repo,
      env: { ...process.env, HUB_LOG_LEVEL: 'error', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = this.child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('Shopfront hub on')) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`hub did not start: ${out}`)), 30_000);
    });
  }
  kill(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}

describeEachDatabase('hub processes', (fixture, kind) => {
  it(`lose nothing and store nothing twice when killed with SIGKILL during uploads${kind === 'postgres' ? ', two processes taking the same retries' : ''}`, async () => {
    const store = await fixture.open();
    const now = Date.now();
    await createEnrolmentSecret(store, { kind: 'token', secretHash: enrolmentSecretHash('et_processes-test-token-000000000'), storeId: 'sh-001', kioskName: null, createdBy: 'test', now, expiresAt: now + 3_600_000 });
    await store.close();
    const options = fixture.reopenOptions();
    const env: Record<string, string> = options.url ? { HUB_DATABASE_URL: options.url } : { HUB_DATA_DIR: options.dataDir! };
    const hubs = await Promise.all(Array.from({ length: kind === 'postgres' ? 2 : 1 }, async () => new HubProcess(await freePort(), env)));
    try {
      for (const h of hubs) await h.start();
      const enrol = await fetch(`${hubs[0]!.url}/v1/enrol`, {
        method: 'POST',
        headers: { authorization: 'Bearer et_processes-test-token-000000000', 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId: DEVICE, appVersion: '0.1.0', platform: 'linux', couponKey: null }),
      });
      const { token } = (await enrol.json()) as { token: string };

      // The kiosk: sends each batch until a hub acknowledges it, to whichever hub it picks.
      const acknowledged = new Set<string>();
      let attempts = 0;
      let kills = 0;
      const send = async (messages: ReturnType<typeof track>[]) => {
        for (;;) {
          attempts += 1;
          const hub = hubs[attempts % hubs.length]!;
          try {
            const res = await fetch(`${hub.url}/v1/batch`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ batch: messages }),
              signal: AbortSignal.timeout(10_000),
            });
            if (res.status === 200) {
              const { results } = (await res.json()) as { results: { messageId: string; status: string }[] };
              for (const r of results) if (r.status === 'accepted' || r.status === 'duplicate') acknowledged.add(r.messageId);
              return;
            }
          } catch {
            // the hub was killed mid-request: send again
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const batches = Array.from({ length: EVENTS / BATCH }, (_, b) => Array.from({ length: BATCH }, (_, i) => track(DEVICE, b * BATCH + i + 1)));
      // A killer: SIGKILL a hub while uploads are in flight, at four points of the run, then start it again.
      let done = false;
      const restarts = new Map<HubProcess, Promise<void>>();
      const killer = (async () => {
        for (const share of [0.2, 0.4, 0.6, 0.8]) {
          while (!done && acknowledged.size < EVENTS * share) await new Promise((r) => setTimeout(r, 2));
          if (done) break;
          // Each hub in turn; with two, both may be down at once and the kiosk waits for either.
          const victim = hubs[kills % hubs.length]!;
          await restarts.get(victim);
          victim.kill();
          kills += 1;
          restarts.set(victim, victim.start());
        }
      })();
      // Two uploads in flight at a time, as a kiosk re-sending after a lost answer may have.
      for (let i = 0; i < batches.length; i += 2) await Promise.all(batches.slice(i, i + 2).map(send));
      done = true;
      await killer;
      await Promise.all(restarts.values());
      expect(kills).toBe(4);
      expect(acknowledged.size).toBe(EVENTS);

      const check = await openStore({ ...options, migrate: false });
      try {
        const rows = await check.db.selectFrom('events').select(['seq', 'message_id']).where('device_id', '=', DEVICE).orderBy('seq').execute();
        expect(rows.length).toBe(EVENTS);
        expect(new Set(rows.map((r) => r.message_id)).size).toBe(EVENTS);
        expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: EVENTS }, (_, i) => i + 1));
        const kiosk = await check.db.selectFrom('kiosks').select(['seq_gaps']).where('device_id', '=', DEVICE).executeTakeFirstOrThrow();
        expect(kiosk.seq_gaps).toBe(0);
      } finally {
        await check.close();
      }
    } finally {
      for (const h of hubs) h.kill();
    }
  }, 180_000);
});
