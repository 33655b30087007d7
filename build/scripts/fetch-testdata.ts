// `npm run fetch:testdata`: on a machine with internet, downloads the public test data
// (ZXing's barcode images at a pinned commit, Google's gesture photos) into the
// git-ignored .cache/testdata, keeping each file only when its SHA-256 is the pinned
// one, and makes the swipe clip from a photo with ffmpeg. Tests look there when
// ../shared/testdata is absent (test/support/testdata.ts).
//
//   npm run fetch:testdata                          # into .cache/testdata
//   npm run fetch:testdata -- --mirror <url>        # from a copy laid out like the test data
//   npm run fetch:testdata -- --dest <dir>          # somewhere else (then set KIOSK_TESTDATA=<dir>)
//   npm run fetch:testdata -- --write-pins [<dir>]  # re-pin from a local copy (default ../shared/testdata)
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FETCHED_TESTDATA, SHARED_TESTDATA } from '../../test/support/testdata.ts';
import { fetchTestdata } from './testdata/fetch-testdata.ts';
import { PINS_FILE, pinsFromFolder, pinsJson } from './testdata/testdata-pins.ts';

const { values, positionals } = parseArgs({
  options: { dest: { type: 'string' }, mirror: { type: 'string' }, 'write-pins': { type: 'boolean' }, force: { type: 'boolean' } },
  allowPositionals: true,
});

if (values['write-pins']) {
  const from = path.resolve(positionals[0] ?? SHARED_TESTDATA);
  const pins = await pinsFromFolder(from);
  if (pins.length === 0) throw new Error(`no test data in ${from}`);
  await writeFile(PINS_FILE, pinsJson(pins));
  console.log(`pinned ${pins.length} files from ${from} in ${path.relative(process.cwd(), PINS_FILE)}`);
  process.exit(0);
}

const dest = path.resolve(values.dest ?? FETCHED_TESTDATA);
if (!values.dest && !values.force && existsSync(SHARED_TESTDATA)) {
  console.log(`${SHARED_TESTDATA} is there and the tests use it: nothing to fetch (--force fetches into ${path.relative(process.cwd(), dest)} anyway).`);
  process.exit(0);
}
const started = Date.now();
const report = await fetchTestdata({ dest, mirror: values.mirror, log: console.log });
console.log(`fetched ${report.fetched.length}, already there ${report.present.length}, failed ${report.failed.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
if (report.clip.made) console.log(`made the swipe clip${report.clip.sameFrames ? ' (frames identical to the project copy)' : ' (its frames differ slightly from the project copy: another ffmpeg/libvpx; the tests do not mind)'}`);
if (report.clip.problem) console.log(`the swipe clip was not made: ${report.clip.problem}`);
if (report.failed.length > 0 || report.clip.problem) {
  console.log('Nothing that failed was written; run the command again (files already there are kept), or fetch from a mirror with --mirror.');
  process.exit(1);
}
if (!values.dest) console.log(`The tests find it in ${path.relative(process.cwd(), dest)}.`);
else console.log(`Set KIOSK_TESTDATA=${dest} for the tests to use it.`);
