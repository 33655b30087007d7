// Messages between the page and the hand-landmarker worker. Camera frames go in (as a
// stream of VideoFrames or one ImageBitmap at a time, transferred); only landmarks come
// out. Times are epoch milliseconds (performance.timeOrigin + performance.now()), the
// one clock page and worker share.
import type { HandModel, HandModelChoice } from './landmarker-delegate.ts';

export type DelegateChoice = 'auto' | 'GPU' | 'CPU';

export interface WorkerInit {
  type: 'init';
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  /** Both bundles: the worker fetches only the one it runs. */
  modelUrls: Record<HandModel, string>;
  delegate: DelegateChoice;
  /** 'auto': full on the GPU, lite on the CPU (also after a GPU that failed); else that one. */
  model: HandModelChoice;
  /**
   * 'auto': two hands on the GPU; one on the CPU. With room for a second hand MediaPipe
   * runs its palm detector on every frame looking for it, which on a CPU makes each
   * frame about four times as expensive (measured: ~37 → ~160 ms on 2 cores).
   */
  numHands: number | 'auto';
}

export type ToWorker =
  | WorkerInit
  /** Frames straight from the camera track (MediaStreamTrackProcessor), transferred. */
  | { type: 'stream'; readable: ReadableStream<VideoFrame> }
  /** One frame, for browsers without track processors; the page waits for the answer before the next. */
  | { type: 'frame'; bitmap: ImageBitmap; capturedAt: number }
  /** Share of late UI frames in the last second. */
  | { type: 'jank'; share: number }
  /** A game starts or stops being played (the worker analyses less often meanwhile). */
  | { type: 'game'; playing: boolean }
  /** Analyse nothing for this long: the page has something more urgent (a scan to show). */
  | { type: 'hold'; ms: number };

export interface WorkerHand {
  score: number;
  /** x, y, z of the 21 landmarks. */
  landmarks: Float32Array;
}

export type FromWorker =
  | {
      type: 'ready';
      delegate: 'GPU' | 'CPU';
      /** The hand model that runs. */
      model: HandModel;
      numHands: number;
      loadMs: number;
      /** The GPU was tried and failed (the message): the model runs on the CPU instead. */
      gpuFailure: string | null;
    }
  | {
      type: 'hands';
      /** When the frame reached the worker (or was captured, for single frames). */
      frameAt: number;
      /** When the result was posted. */
      doneAt: number;
      aspect: number;
      inferenceMs: number;
      hands: WorkerHand[];
    }
  /** The model that analyses frames from now on (the first frame's, and a change for a game and back). */
  | { type: 'model'; model: HandModel }
  /** A frame offered but not analysed (the pacer skipped it): lets the page send the next. */
  | { type: 'skipped' }
  | { type: 'stream-ended' }
  | { type: 'error'; stage: 'init' | 'frame'; message: string };

export const epochNow = (): number => performance.timeOrigin + performance.now();
