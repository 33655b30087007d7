import { describe, expect, it } from 'vitest';
import { PALM_DETECTOR_METADATA } from './hand-model-spec.ts';
import { readHandModelSources } from './hand-model-sources.ts';
import { buildImageModelMetadata } from './model-metadata.ts';
import { METADATA_NAME, readModelMetadata, withModelMetadata } from './tflite-model.ts';

const sources = await readHandModelSources();
const metadata = buildImageModelMetadata(PALM_DETECTOR_METADATA);

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength));
}

describe('adding metadata to a TFLite model', () => {
  const palm = sources.palmDetector;
  const out = withModelMetadata(palm, metadata);

  it('adds the TFLITE_METADATA entry and keeps the model’s own entries', () => {
    const before = readModelMetadata(palm);
    expect(before.has(METADATA_NAME)).toBe(false);
    const after = readModelMetadata(out);
    expect([...after.keys()]).toEqual([...before.keys(), METADATA_NAME]);
    for (const [name, bytes] of before) expect(Buffer.from(after.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(after.get(METADATA_NAME)!).equals(Buffer.from(metadata))).toBe(true);
  });

  it('keeps the original model byte for byte, 64-byte aligned', () => {
    const at = indexOf(out, palm);
    expect(at).toBeGreaterThan(0);
    expect(at % 64).toBe(0);
    expect(out.length - at - palm.length).toBeLessThan(64);
    expect(new TextDecoder().decode(out.subarray(4, 8))).toBe('TFL3');
  });

  it('replaces metadata that is already there instead of adding a second entry', () => {
    const twice = withModelMetadata(out, metadata);
    expect([...readModelMetadata(twice).keys()].filter((n) => n === METADATA_NAME)).toHaveLength(1);
  });

  it('refuses a file that is not a TFLite model', () => {
    expect(() => withModelMetadata(new TextEncoder().encode('PK\u0003\u0004 not a model at all'), metadata)).toThrow(/TFL3/);
  });
});
