// The test data a clone without ../shared/testdata needs: the pinned public files, then
// the swipe clip made from one of them. Not fetched: the reference hand_landmarker.task
// and gesture_recognizer.task, which the project made itself and never published (the
// two tests that compare with the reference skip without it, saying so).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fetchPinnedFiles, type FetchReport, type PinnedFile } from './fetch-files.ts';
import { makeSwipeClip, SWIPE_CLIP, SWIPE_CLIP_SOURCE } from './swipe-clip.ts';
import { readPins } from './testdata-pins.ts';

export interface TestdataOptions {
  dest: string;
  pins?: readonly PinnedFile[];
  mirror?: string;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
}

export interface TestdataReport extends FetchReport {
  /** The swipe clip: made, already there, or why not. */
  clip: { made: boolean; sameFrames?: boolean; problem?: string };
}

export async function fetchTestdata(options: TestdataOptions): Promise<TestdataReport> {
  const log = options.log ?? (() => {});
  const pins = options.pins ?? (await readPins());
  log(`${pins.length} pinned files → ${options.dest}${options.mirror ? ` (from the mirror ${options.mirror})` : ''}`);
  const report = await fetchPinnedFiles({ dest: options.dest, files: pins, mirror: options.mirror, fetchImpl: options.fetchImpl, log });
  const photo = path.join(options.dest, ...SWIPE_CLIP_SOURCE.split('/'));
  const clipFile = path.join(options.dest, ...SWIPE_CLIP.split('/'));
  let clip: TestdataReport['clip'];
  if (existsSync(clipFile)) clip = { made: false };
  else if (!existsSync(photo)) clip = { made: false, problem: `needs ${SWIPE_CLIP_SOURCE}, which did not arrive` };
  else {
    try {
      clip = { made: true, ...(await makeSwipeClip(photo, clipFile)) };
    } catch (err) {
      clip = { made: false, problem: (err as Error).message };
    }
  }
  return { ...report, clip };
}
