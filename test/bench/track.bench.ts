// npm run bench:track [-- --events 10000 --runs 5]
// track() throughput in Chromium with strict durability (see track-throughput.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildHarnessPage, machineInfo } from './delivery-harness.ts';
import { runTrackThroughput } from './track-throughput.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
const work = await mkdtemp(path.join(os.tmpdir(), 'bench-track-'));
try {
  console.log(await machineInfo());
  const pageDir = await buildHarnessPage(path.join(work, 'page'));
  console.log('\n== track() throughput');
  await runTrackThroughput({ pageDir, workDir: work, events: Number(values.events), runs: Number(values.runs), log: console.log });
} finally {
  await rm(work, { recursive: true, force: true });
}
