import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAND_LANDMARKS_METADATA, PALM_DETECTOR_METADATA } from './hand-model-spec.ts';
import { buildImageModelMetadata, readImageInput } from './model-metadata.ts';
import { NO_REFERENCE_TASK, readZip, REFERENCE_TASK } from './testing.ts';
import { METADATA_NAME, readModelMetadata } from './tflite-model.ts';

describe('TFLite model metadata', () => {
  it('describes an RGB image input scaled to 0–1 (mean 0, std 255)', () => {
    for (const spec of [PALM_DETECTOR_METADATA, HAND_LANDMARKS_METADATA]) {
      expect(readImageInput(buildImageModelMetadata(spec))).toEqual({ name: 'image', colorSpace: 1, mean: [0], std: [255] });
    }
  });

  it('is byte for byte the metadata of the reference hand_landmarker.task', async (ctx) => {
    if (!REFERENCE_TASK) return ctx.skip(NO_REFERENCE_TASK!);
    const reference = await readZip(readFileSync(REFERENCE_TASK));
    const expected = {
      'hand_detector.tflite': buildImageModelMetadata(PALM_DETECTOR_METADATA),
      'hand_landmarks_detector.tflite': buildImageModelMetadata(HAND_LANDMARKS_METADATA),
    };
    for (const member of reference) {
      const theirs = readModelMetadata(member.data).get(METADATA_NAME);
      expect(theirs, member.name).toBeDefined();
      expect(Buffer.from(expected[member.name as keyof typeof expected]).equals(Buffer.from(theirs!))).toBe(true);
    }
  });

  it('refuses to read something that is not model metadata', () => {
    expect(() => readImageInput(new Uint8Array(64))).toThrow(/M001/);
  });
});
