// The page's side of the decoding worker: send a frame, get its codes back. One worker
// per camera session; dispose() ends it and everything it holds.
import type { DecodePass } from './decode-options.ts';
import type { DecodedCode, FromDecoder, ToDecoder } from './decode-protocol.ts';

export interface FrameDecoder {
  /** Resolves when the decoder has loaded (its wasm compiled). */
  readonly ready: Promise<void>;
  /** Decodes one frame; the bitmap is handed over (and closed by the worker). */
  decode(frame: ImageBitmap, pass: DecodePass): Promise<{ codes: DecodedCode[]; decodeMs: number }>;
  dispose(): void;
}

export function createFrameDecoder(): FrameDecoder {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'barcode-decoder' });
  const pending = new Map<number, { resolve: (r: { codes: DecodedCode[]; decodeMs: number }) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let settleReady: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => undefined);

  function failAll(error: Error) {
    settleReady.reject(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  }

  worker.addEventListener('message', (event: MessageEvent<FromDecoder>) => {
    const message = event.data;
    if (message.type === 'ready') return settleReady.resolve();
    if (message.type === 'failed' && message.id === 0) return failAll(new Error(message.message));
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.type === 'decoded') waiting.resolve({ codes: message.codes, decodeMs: message.decodeMs });
    else waiting.reject(new Error(message.message));
  });
  worker.addEventListener('error', (event) => failAll(new Error(event.message || 'the barcode decoder stopped')));

  return {
    ready,
    decode(frame, pass) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'decode', id, frame, pass } satisfies ToDecoder, [frame]);
      });
    },
    dispose() {
      worker.terminate();
      failAll(new Error('the barcode decoder was closed'));
    },
  };
}
