// The barcode decoder, off the main thread. Camera frames arrive here, are decoded
// with zxing-wasm (bundled with the app, never fetched from a CDN), and go no further:
// only the decoded text is posted back. Nothing here logs or stores pixels.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { PASS_OPTIONS } from './decode-options.ts';
import type { FromDecoder, ToDecoder } from './decode-protocol.ts';

const post = (message: FromDecoder) => self.postMessage(message);

let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;

function pixels(frame: ImageBitmap): ImageData {
  if (!canvas || canvas.width !== frame.width || canvas.height !== frame.height) {
    canvas = new OffscreenCanvas(frame.width, frame.height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) throw new Error('no 2D context in the decoder worker');
  context.drawImage(frame, 0, 0);
  return context.getImageData(0, 0, frame.width, frame.height);
}

async function decode(message: ToDecoder): Promise<FromDecoder> {
  const { id, frame, pass } = message;
  try {
    const image = pixels(frame);
    const started = performance.now();
    const results = await readBarcodes(image, PASS_OPTIONS[pass]);
    const codes = results.filter((r) => r.isValid && r.text !== '').map((r) => ({ text: r.text, format: r.format, symbologyId: r.symbologyIdentifier }));
    return { type: 'decoded', id, codes, decodeMs: performance.now() - started };
  } catch (err) {
    return { type: 'failed', id, message: (err as Error).message };
  } finally {
    frame.close();
  }
}

self.addEventListener('message', (event: MessageEvent<ToDecoder>) => {
  if (event.data?.type === 'decode') void decode(event.data).then(post);
});

void prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path) },
  fireImmediately: true,
}).then(
  () => post({ type: 'ready' }),
  (err: unknown) => post({ type: 'failed', id: 0, message: `the barcode decoder did not load: ${String(err)}` }),
);
