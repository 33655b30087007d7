// The laptop's camera while the till page reads coupons with it: opens it, sends a
// frame at a time (a few a second) to the decoder worker, reports the text it reads, and
// releases the camera and the worker on stop. Frames never leave the browser.
import type { FromQrDecoder, ToQrDecoder } from './qr-protocol.ts';

export type CameraProblem = 'insecure' | 'no-camera' | 'denied' | 'failed';

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface QrCamera {
  stop(): void;
}

export interface QrCameraOptions {
  video: HTMLVideoElement;
  onText(text: string): void;
  /** Frames decoded per second at most. */
  perSecond?: number;
  /** Frames larger than this (longest side, px) are scaled down first. */
  maxSide?: number;
}

async function openCamera(): Promise<MediaStream> {
  if (!globalThis.isSecureContext) throw new CameraError('insecure', 'a camera needs https or localhost');
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('no-camera', 'this browser has no camera access');
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: false, video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  } catch (err) {
    const name = (err as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraError('denied', 'camera access was refused');
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new CameraError('no-camera', 'no camera is connected');
    throw new CameraError('failed', `the camera did not start (${name || String(err)})`);
  }
}

function startDecoder(): { worker: Worker; ready: Promise<void> } {
  const worker = new Worker(new URL('./qr-decoder-worker.ts', import.meta.url), { type: 'module', name: 'qr-decoder' });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (event: MessageEvent<FromQrDecoder>) => {
      if (event.data.type === 'ready') resolve();
      else if (event.data.type === 'failed' && event.data.id === 0) reject(new CameraError('failed', event.data.message));
      else return;
      worker.removeEventListener('message', onMessage);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (event) => reject(new CameraError('failed', event.message || 'the QR decoder stopped')), { once: true });
  });
  return { worker, ready };
}

export async function startQrCamera(options: QrCameraOptions): Promise<QrCamera> {
  const stream = await openCamera();
  const video = options.video;
  let worker: Worker | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.pause();
    video.srcObject = null;
    worker?.terminate();
    worker = null;
  };

  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    const decoder = startDecoder();
    worker = decoder.worker;
    await decoder.ready;
  } catch (err) {
    stop();
    throw err instanceof CameraError ? err : new CameraError('failed', String(err));
  }

  const intervalMs = 1000 / (options.perSecond ?? 6);
  const maxSide = options.maxSide ?? 960;
  let nextId = 1;
  let waiting: number | null = null;

  worker.addEventListener('message', (event: MessageEvent<FromQrDecoder>) => {
    const message = event.data;
    if (message.type === 'ready' || message.id !== waiting) return;
    waiting = null;
    if (message.type === 'decoded' && message.text && !stopped) options.onText(message.text);
  });

  async function sendFrame(): Promise<void> {
    if (stopped || !worker || waiting !== null || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) return;
    const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
    const frame = await createImageBitmap(video, { resizeWidth: Math.round(video.videoWidth * scale), resizeHeight: Math.round(video.videoHeight * scale), resizeQuality: 'medium' });
    if (stopped || !worker) return frame.close();
    waiting = nextId++;
    worker.postMessage({ type: 'decode', id: waiting, frame } satisfies ToQrDecoder, [frame]);
  }

  const loop = () => {
    if (stopped) return;
    sendFrame()
      .catch(() => undefined) // a dropped frame; the next one tries again
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  loop();
  return { stop };
}
