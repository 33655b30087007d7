// The camera while the scan screen shows it: opens it, sends the part of each frame
// under the aiming box to the decoder (one frame in flight, fast and try-harder passes
// alternating), reports a code once two reads agree, and releases the camera on stop.
import { emitAppEvent } from '../../test-hook/app-events.ts';
import { aimBoxInFrame, decodeSize, type Rect } from './aim-box.ts';
import { passForFrame } from './decode-options.ts';
import type { DecodedCode } from './decode-protocol.ts';
import { createFrameDecoder, type FrameDecoder } from './frame-decoder.ts';
import { createReadConfirmer } from './read-confirmer.ts';

export type CameraRead = { verdict: 'first' | 'confirmed'; code: DecodedCode; at: number };

export interface CameraScannerOptions {
  video: HTMLVideoElement;
  /** The aiming box on screen (its bounding rect). */
  aimBox: () => Rect | null;
  onRead: (read: CameraRead) => void;
  /** Crops larger than this are scaled down before decoding. */
  maxDecodeSide?: number;
  /** At most this many frames a second go to the decoder (the rest of the kiosk needs the CPU too). */
  maxDecodesPerSecond?: number;
}

export interface CameraScanner {
  stop(): void;
}

export class CameraUnavailableError extends Error {
  constructor(readonly reason: 'no-camera' | 'denied' | 'failed', message: string) {
    super(message);
  }
}

async function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraUnavailableError('no-camera', 'this browser has no camera access');
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
  } catch (err) {
    const name = (err as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraUnavailableError('denied', 'camera access was refused');
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new CameraUnavailableError('no-camera', 'no camera is connected');
    throw new CameraUnavailableError('failed', `the camera did not start (${name || String(err)})`);
  }
}

const rectOf = (el: Element): Rect => {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
};

export async function startCameraScanner(options: CameraScannerOptions): Promise<CameraScanner> {
  const stream = await openCamera();
  let stopped = false;
  let decoder: FrameDecoder | null = null;
  let frameCallback: number | null = null;
  let animationFrame: number | null = null;
  const video = options.video;

  const release = () => {
    if (stopped) return;
    stopped = true;
    if (frameCallback !== null) video.cancelVideoFrameCallback(frameCallback);
    if (animationFrame !== null) cancelAnimationFrame(animationFrame);
    for (const track of stream.getTracks()) track.stop();
    video.pause();
    video.srcObject = null;
    decoder?.dispose();
    decoder = null;
    // The camera light goes off when no track is live.
    emitAppEvent('camera-released', { liveTracks: stream.getTracks().filter((t) => t.readyState === 'live').length });
  };

  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    decoder = createFrameDecoder();
    await decoder.ready;
  } catch (err) {
    release();
    throw err instanceof CameraUnavailableError ? err : new CameraUnavailableError('failed', String(err));
  }

  const confirmer = createReadConfirmer();
  const minIntervalMs = 1000 / (options.maxDecodesPerSecond ?? 15);
  const maxSide = options.maxDecodeSide ?? 960;
  let busy = false;
  let frame = 0;
  let lastSubmit = -Infinity;

  async function decodeOne(active: FrameDecoder): Promise<void> {
    const box = options.aimBox();
    const crop = box ? aimBoxInFrame({ width: video.videoWidth, height: video.videoHeight }, rectOf(video), box, { padding: 0.08 }) : null;
    if (!crop) return;
    const size = decodeSize(crop, maxSide);
    const bitmap = await createImageBitmap(video, crop.x, crop.y, crop.width, crop.height, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' });
    if (stopped) return bitmap.close();
    const { codes } = await active.decode(bitmap, passForFrame(frame++));
    const code = codes[0];
    if (!code || stopped) return;
    const at = performance.now();
    const verdict = confirmer.offer(`${code.format}\u0000${code.text}`, at);
    if (verdict !== 'cooldown') options.onRead({ verdict, code, at });
  }

  function onFrame(): void {
    if (stopped) return;
    const now = performance.now();
    if (!busy && decoder && now - lastSubmit >= minIntervalMs && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
      busy = true;
      lastSubmit = now;
      decodeOne(decoder)
        .catch(() => undefined) // a dropped frame; the next one tries again
        .finally(() => (busy = false));
    }
    schedule();
  }

  function schedule(): void {
    if (stopped) return;
    if ('requestVideoFrameCallback' in video) frameCallback = video.requestVideoFrameCallback(onFrame);
    else animationFrame = requestAnimationFrame(onFrame);
  }

  schedule();
  emitAppEvent('camera-started', { width: video.videoWidth, height: video.videoHeight });
  return { stop: release };
}
