// The self-update's download inside the real Electron binary: electron-updater's own HTTP
// client (Electron's net module, as the kiosk app uses it) fetches from a feed on
// 127.0.0.1 and checks the published sha512. The same feed client with Node's http runs
// without Electron in electron/main/updates/*.test.ts. Skips where the binary is absent.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import { fakeAppFile, startFeedServer } from '../../../electron/main/updates/testing/update-feed-server.ts';
import { NO_ELECTRON_MESSAGE, findLocalElectron } from '../../support/electron-binary.ts';
import { repo } from '../fixtures.ts';

const local = findLocalElectron();

/** Runs the probe in Electron against a feed; what it printed. */
async function runProbe(probe: string, feedUrl: string, dataDir: string): Promise<Record<string, unknown>> {
  const args = [probe, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, PROBE_FEED_URL: feedUrl, PROBE_DATA_DIR: dataDir };
  delete env.ELECTRON_RUN_AS_NODE; // Electron itself, with its net module, not Node
  const child = spawn(local!.executable, args, { env });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('PROBE '));
  if (!line) throw new Error(`the probe printed no result:\n${out}`);
  return JSON.parse(line.slice('PROBE '.length)) as Record<string, unknown>;
}

test.describe('self-update in Electron', () => {
  test.skip(!local, NO_ELECTRON_MESSAGE);

  test('downloads the published file over Electron’s network stack, and refuses one whose sha512 does not match', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-electron-update-'));
    const feed = await startFeedServer({ requireAuthorization: 'Bearer kt_probe_token' });
    try {
      const probe = path.join(work, 'probe.cjs');
      await build({
        entryPoints: [path.join(repo, 'electron/main/updates/testing/electron-feed-probe.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        external: ['electron'],
        outfile: probe,
        logLevel: 'warning',
      });
      const file = fakeAppFile('shopfront-kiosk_1.3.0_amd64.deb', 400 * 1024);
      feed.publish('1.3.0', file);
      const good = await runProbe(probe, feed.url, path.join(work, 'good'));
      expect(good).toMatchObject({ ok: true, found: { kind: 'newer', version: '1.3.0' } });
      const downloaded = await fs.readFile(path.join(work, 'good', String(good.file)));
      expect(downloaded.equals(file.bytes)).toBe(true);

      feed.replaceBytes(file.name, fakeAppFile(file.name, 400 * 1024).bytes);
      const bad = await runProbe(probe, feed.url, path.join(work, 'bad'));
      expect(bad).toMatchObject({ ok: false, code: 'ERR_CHECKSUM_MISMATCH' });
    } finally {
      await feed.close();
      await fs.rm(work, { recursive: true, force: true });
    }
  });
});
