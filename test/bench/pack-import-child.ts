// Runs in its own process so its peak memory is the import's alone:
// PackStore.open → stage (stream, verify every hash and the signature, check every
// record) → activate. Prints one JSON line with the timings and memory figures.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PackStore } from '../../content/lib/store/pack-store.ts';
import type { TrustedKey } from '../../content/schema/kiosk-config.ts';

const [kpack, storeRoot, publicKeyFile] = process.argv.slice(2) as [string, string, string];
const peakRss = () => {
  const vmHwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return vmHwm ? Number(vmHwm) * 1024 : process.resourceUsage().maxRSS * 1024;
};
const trustedKeys = [JSON.parse(await readFile(publicKeyFile, 'utf8')) as TrustedKey];
const store = await PackStore.open(storeRoot);
const baselineRss = peakRss();
const started = process.hrtime.bigint();
const staged = await store.stage(kpack, { trustedKeys, kiosk: { storeId: 'bench-store' } });
const importedAt = process.hrtime.bigint();
await store.activate(staged.dir);
const done = process.hrtime.bigint();
console.log(
  JSON.stringify({
    importMs: Number(importedAt - started) / 1e6,
    activateMs: Number(done - importedAt) / 1e6,
    totalMs: Number(done - started) / 1e6,
    baselineRss,
    peakRss: peakRss(),
    maxRssResourceUsage: process.resourceUsage().maxRSS * 1024,
    files: Object.keys(staged.manifest.files).length,
  }),
);
