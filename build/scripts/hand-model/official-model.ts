// Google's own hand_landmarker.task, for machines with internet that prefer the
// official bundle to the one built from @mediapipe/hands. Pinned by URL generation and
// SHA-256 exactly as MediaPipe pins it for its own tests (google-ai-edge/mediapipe,
// third_party/external_files.bzl, "com_google_mediapipe_hand_landmarker_task"): a
// download whose hash differs is refused, never written.
import { createHash } from 'node:crypto';

export const OFFICIAL_HAND_MODEL = {
  url: 'https://storage.googleapis.com/mediapipe-assets/hand_landmarker.task?generation=1677051718270846',
  sha256: '32d1eab97e80a9a20edb29231e15301ce65abfd0fa9d41cf1757e0ecc8078a4e',
} as const;

export interface OfficialModelPin {
  url: string;
  sha256: string;
}

export async function downloadOfficialHandModel(pin: OfficialModelPin = OFFICIAL_HAND_MODEL, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetchImpl(pin.url, { redirect: 'follow' });
  } catch (err) {
    throw new Error(`Could not download the official hand model from ${pin.url} (${(err as Error).message}). ` + 'Without internet, build it from @mediapipe/hands instead (unset KIOSK_HAND_MODEL_SOURCE).');
  }
  if (!res.ok) throw new Error(`Downloading ${pin.url} failed: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== pin.sha256) {
    throw new Error(`The file at ${pin.url} has SHA-256 ${actual}, not the pinned ${pin.sha256}: refusing to use it.`);
  }
  return bytes;
}
