// Gets the camera's frames to the worker with as little UI-thread work as possible:
// where the browser has MediaStreamTrackProcessor, the track's stream of VideoFrames
// is handed to the worker once and the page never touches a frame again. Otherwise
// each new video frame is copied into an ImageBitmap and transferred, one at a time.
import { epochNow, type ToWorker } from './worker-protocol.ts';

interface TrackProcessor {
  readable: ReadableStream<VideoFrame>;
}
type TrackProcessorConstructor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => TrackProcessor;

export interface FrameFeed {
  readonly mode: 'stream' | 'bitmap';
  /** The worker answered the last single frame (bitmap mode). */
  answered(): void;
  stop(): void;
}

export function feedWorker(stream: MediaStream, post: (message: ToWorker, transfer: Transferable[]) => void): FrameFeed {
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error('no video track to feed');
  const Processor = (globalThis as { MediaStreamTrackProcessor?: TrackProcessorConstructor }).MediaStreamTrackProcessor;
  if (Processor) {
    const { readable } = new Processor({ track, maxBufferSize: 1 });
    post({ type: 'stream', readable }, [readable as unknown as Transferable]);
    // The stream ends by itself when the camera source stops the track.
    return { mode: 'stream', answered: () => undefined, stop: () => undefined };
  }

  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  let waiting = false;
  let stopped = false;
  let handle = 0;
  const onFrame = () => {
    if (stopped) return;
    if (!waiting && video.videoWidth > 0) {
      waiting = true;
      const capturedAt = epochNow();
      createImageBitmap(video).then(
        (bitmap) => (stopped ? bitmap.close() : post({ type: 'frame', bitmap, capturedAt }, [bitmap])),
        () => (waiting = false),
      );
    }
    handle = video.requestVideoFrameCallback(onFrame);
  };
  void video.play().then(() => {
    if (!stopped) handle = video.requestVideoFrameCallback(onFrame);
  }, () => undefined);
  return {
    mode: 'bitmap',
    answered: () => (waiting = false),
    stop: () => {
      stopped = true;
      video.cancelVideoFrameCallback(handle);
      video.pause();
      video.srcObject = null;
    },
  };
}
