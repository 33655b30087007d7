// Runs in Chromium for record-landmarks.ts: HandLandmarker in VIDEO mode over a list of
// frame images, returning the landmarks (never the images).
import { HandLandmarker } from '@mediapipe/tasks-vision';

interface RecordRequest {
  model: string;
  wasm: { wasmLoaderPath: string; wasmBinaryPath: string };
  frames: string[];
  fps: number;
}

declare global {
  interface Window {
    recordLandmarks(request: RecordRequest): Promise<unknown>;
  }
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

window.recordLandmarks = async (request) => {
  const model = new Uint8Array(await (await fetch(request.model)).arrayBuffer());
  const landmarker = await HandLandmarker.createFromOptions(request.wasm, {
    baseOptions: { modelAssetBuffer: model, delegate: 'CPU' },
    runningMode: 'VIDEO',
    numHands: 2,
  });
  const frames = [];
  let aspect = 1;
  for (let i = 0; i < request.frames.length; i++) {
    const bitmap = await createImageBitmap(await (await fetch(request.frames[i]!)).blob());
    aspect = bitmap.width / bitmap.height;
    const t = Math.round((i * 1000) / request.fps);
    const result = landmarker.detectForVideo(bitmap, t + 1);
    bitmap.close();
    frames.push({
      t,
      hands: result.landmarks.map((points, h) => ({
        score: round(result.handedness[h]?.[0]?.score ?? 0),
        lm: points.flatMap((p) => [round(p.x), round(p.y), round(p.z)]),
      })),
    });
  }
  landmarker.close();
  return { aspect: round(aspect), frames };
};
