// The hand-landmarker worker: MediaPipe HandLandmarker in VIDEO mode, off the UI
// thread. Camera frames arrive here and never leave: each is analysed (or skipped by
// the pacer) and closed at once; only landmarks are posted back. Nothing is stored or
// logged. The model is the one the kiosk's settings choose for the delegate
// (landmarker-delegate.ts); while a game is played on the CPU the lite one is loaded
// instead, and the usual one again after.
//
// tasks-vision loads its wasm loader with importScripts in classic workers; a module
// worker has no importScripts, so tasks-vision falls back to import(), which needs the
// ES-module build of the loader (vision_wasm_module_internal.js, which sets
// globalThis.ModuleFactory). The page passes that loader and its matching binary.
import { HandLandmarker } from '@mediapipe/tasks-vision';
import { FramePacer } from './frame-pacer.ts';
import { createLandmarker, gameModelFor, isHardwareRenderer, type Delegate, type HandModel } from './landmarker-delegate.ts';
import { epochNow, type FromWorker, type ToWorker, type WorkerHand, type WorkerInit } from './worker-protocol.ts';

let landmarker: HandLandmarker | null = null;
/** Fetches a model bundle (each once), set when the landmarker is made. */
let loadModel: ((model: HandModel) => Promise<Uint8Array>) | null = null;
let delegateInUse: Delegate = 'CPU';
/** The model outside games, the one while a game is played, and the one loaded now. */
let baseModel: HandModel = 'full';
let gameModel: HandModel = 'full';
let loadedModel: HandModel = 'full';
/** A model change under way: frames are skipped until it is done. */
let switching = false;
let playing = false;
let reader: ReadableStreamDefaultReader<VideoFrame> | null = null;
let lastTimestamp = 0;
const pacer = new FramePacer();

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

/** A real GPU, not a software rasteriser (SwiftShader, llvmpipe) that would be slower than the CPU path. */
function hasHardwareGpu(): boolean {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return isHardwareRenderer(renderer);
  } catch {
    return false;
  }
}

async function fetchModel(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`hand model ${url} could not be loaded (HTTP ${res.status}); build it with npm run build:hand-model`);
  return new Uint8Array(await res.arrayBuffer());
}

async function create(init: WorkerInit): Promise<void> {
  const started = performance.now();
  const fileset = { wasmLoaderPath: init.wasmLoaderUrl, wasmBinaryPath: init.wasmBinaryUrl };
  const hands = (delegate: Delegate) => (init.numHands === 'auto' ? (delegate === 'GPU' ? 2 : 1) : init.numHands);
  const options = (delegate: Delegate, model: Uint8Array) => ({
    baseOptions: { modelAssetBuffer: model, delegate },
    runningMode: 'VIDEO' as const,
    numHands: hands(delegate),
    minHandDetectionConfidence: 0.6,
    minHandPresenceConfidence: 0.6,
    minTrackingConfidence: 0.5,
  });
  const preferGpu = init.delegate === 'GPU' || (init.delegate === 'auto' && hasHardwareGpu());
  // Each bundle is fetched when first needed: the full one only if the GPU is tried.
  const models = new Map<HandModel, Promise<Uint8Array>>();
  const load = (model: HandModel) => models.get(model) ?? models.set(model, fetchModel(init.modelUrls[model])).get(model)!;
  const made = await createLandmarker(async (delegate, model) => HandLandmarker.createFromOptions(fileset, options(delegate, await load(model))), preferGpu, init.model);
  landmarker = made.landmarker;
  const { delegate, model, gpuFailure } = made;
  loadModel = load;
  delegateInUse = delegate;
  baseModel = loadedModel = model;
  gameModel = gameModelFor(delegate, model);
  post({ type: 'ready', delegate, model, numHands: hands(delegate), loadMs: performance.now() - started, gpuFailure });
  post({ type: 'model', model });
  followGame();
}

/** Frames can be analysed now. */
const analysing = () => landmarker !== null && !switching;

/**
 * Loads the model the moment calls for (the game's while a game is played) into the one
 * landmarker: MediaPipe rebuilds its graph around the new model, in a few hundred ms,
 * during which frames are skipped. One change at a time; the last call wins.
 */
function followGame(): void {
  const wanted = playing ? gameModel : baseModel;
  if (!landmarker || !loadModel || switching || wanted === loadedModel) return;
  const running = landmarker;
  const load = loadModel;
  switching = true;
  (async () => {
    await running.setOptions({ baseOptions: { modelAssetBuffer: await load(wanted), delegate: delegateInUse } });
    loadedModel = wanted;
    post({ type: 'model', model: wanted });
  })()
    .catch((err: Error) => {
      // The model that could not be loaded is not asked for again: the one loaded stays (the page hears why).
      if (wanted === gameModel) gameModel = loadedModel;
      if (wanted === baseModel) baseModel = loadedModel;
      post({ type: 'error', stage: 'frame', message: `the ${wanted} hand model could not be loaded: ${err.message}` });
    })
    .finally(() => {
      switching = false;
      followGame();
    });
}

function analyse(source: VideoFrame | ImageBitmap, frameAt: number): void {
  if (!landmarker) return;
  // VIDEO mode needs strictly increasing timestamps, whatever the camera does.
  const timestamp = Math.max(performance.now(), lastTimestamp + 1);
  lastTimestamp = timestamp;
  const started = performance.now();
  const result = landmarker.detectForVideo(source, timestamp);
  const inferenceMs = performance.now() - started;
  pacer.recordInference(inferenceMs);
  const width = 'displayWidth' in source ? source.displayWidth : source.width;
  const height = 'displayHeight' in source ? source.displayHeight : source.height;
  const hands: WorkerHand[] = result.landmarks.map((points, i) => {
    const flat = new Float32Array(points.length * 3);
    points.forEach((p, j) => flat.set([p.x, p.y, p.z], j * 3));
    return { score: result.handedness[i]?.[0]?.score ?? 0, landmarks: flat };
  });
  post({ type: 'hands', frameAt, doneAt: epochNow(), aspect: width / height, inferenceMs, hands }, hands.map((h) => h.landmarks.buffer));
}

async function readFrames(readable: ReadableStream<VideoFrame>): Promise<void> {
  await reader?.cancel().catch(() => undefined);
  const own = readable.getReader();
  reader = own;
  try {
    for (;;) {
      const { value: frame, done } = await own.read();
      if (done) break;
      try {
        if (analysing() && pacer.take(performance.now())) analyse(frame, epochNow());
      } catch (err) {
        post({ type: 'error', stage: 'frame', message: (err as Error).message });
      } finally {
        frame.close();
      }
    }
  } catch {
    // The track ended or the page cancelled: nothing to clean beyond the reader.
  } finally {
    if (reader === own) {
      reader = null;
      post({ type: 'stream-ended' });
    }
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      create(message).catch((err: Error) => post({ type: 'error', stage: 'init', message: err.message }));
      break;
    case 'stream':
      void readFrames(message.readable);
      break;
    case 'frame': {
      const { bitmap } = message;
      try {
        if (analysing() && pacer.take(performance.now())) analyse(bitmap, message.capturedAt);
        else post({ type: 'skipped' });
      } catch (err) {
        post({ type: 'error', stage: 'frame', message: (err as Error).message });
      } finally {
        bitmap.close();
      }
      break;
    }
    case 'jank':
      pacer.reportJank(message.share);
      break;
    case 'game':
      playing = message.playing;
      pacer.setPlaying(playing);
      followGame();
      break;
    case 'hold':
      pacer.hold(performance.now(), message.ms);
      break;
  }
};
