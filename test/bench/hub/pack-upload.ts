// A ~1 GB content pack uploaded to a hub as the console and `kiosk-pack publish` upload
// it: the raw .kpack streamed over HTTP to the hub (its own process), which streams it to
// disk, checks it with the kiosk's import code (every file's SHA-256, the signature, the
// records) and keeps it. Timed from the first byte sent to the hub's answer, with the hub
// process's peak RSS sampled all along. Targets: ≤ 30 s and ≤ 250 MB.
//   npm run bench:hub -- packs        (BENCH_PACK_MB=1024 sets the size)
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { publicPart } from '../../../content/lib/keys/key-files.ts';
import { testKey } from '../../../content/lib/testing/sample-pack.ts';
import { CSRF_HEADER } from '../../../content/schema/hub-api/console/auth.ts';
import { hashPassword } from '../../../hub/server/auth/passwords.ts';
import { createUser } from '../../../hub/store/queries/accounts.ts';
import { openStore } from '../../../hub/store/open-store.ts';
import { buildLargePack, LARGE_PACK_FILE_MB } from '../large-pack.ts';
import { report } from '../machine.ts';
import { startHubProcess } from './hub-process.ts';

const MB = 1024 * 1024;
const TOTAL_MB = Number(process.env.BENCH_PACK_MB ?? 1024);

/** POSTs the file as its raw body, streamed from disk. */
function upload(url: string, file: string, size: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(size) } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (d: string) => (body += d));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
    pipeline(createReadStream(file, { highWaterMark: MB }), request).catch(reject);
  });
}

export async function packUploadBench(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-packs-'));
  try {
    console.log(`building a ${TOTAL_MB} MB pack (${LARGE_PACK_FILE_MB} MB random media files)…`);
    const { kpack } = await buildLargePack(work, TOTAL_MB, await testKey());
    const size = (await stat(kpack)).size;
    const dataDir = path.join(work, 'hub');
    const store = await openStore({ dataDir });
    try {
      await createUser(store, { username: 'bench', passwordHash: await hashPassword('bench password'), role: 'admin', storeIds: null, now: Date.now() });
    } finally {
      await store.close();
    }
    const hub = await startHubProcess({ HUB_DATA_DIR: dataDir });
    try {
      const login = await fetch(`${hub.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench password' }) });
      const headers = { cookie: String(login.headers.get('set-cookie')).split(';')[0]!, [CSRF_HEADER]: ((await login.json()) as { csrfToken: string }).csrfToken };
      const trusted = await fetch(`${hub.url}/api/pack-keys`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(publicPart(await testKey())) });
      if (!trusted.ok) throw new Error(`trusting the pack key failed: ${await trusted.text()}`);

      const idleRss = hub.rss();
      let peak = idleRss;
      const sampler = setInterval(() => (peak = Math.max(peak, hub.rss())), 50);
      const started = performance.now();
      let answer: { status: number; body: string };
      try {
        answer = await upload(`${hub.url}/api/packs`, kpack, size, headers);
      } finally {
        clearInterval(sampler);
      }
      const seconds = (performance.now() - started) / 1000;
      if (answer.status !== 200) throw new Error(`the upload was answered ${answer.status}: ${answer.body.slice(0, 500)}`);
      const { pack } = JSON.parse(answer.body) as { pack: { packId: string; version: string; bytes: number } };
      console.log(
        `packs: ${pack.packId}@${pack.version}, ${(size / MB).toFixed(0)} MB, uploaded, checked (every file's SHA-256, signature, records) and kept in ${seconds.toFixed(1)} s (${(size / MB / seconds).toFixed(0)} MB/s); hub RSS ${(idleRss / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB`,
      );
      report(`upload and check of a ${(size / MB).toFixed(0)} MB pack`, Math.round(seconds * 10) / 10, 's', { max: 30 });
      report('hub peak RSS during the upload', Math.round(peak / MB), 'MB', { max: 250 });
    } finally {
      await hub.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
