// The till page's QR decoder, off the main thread: camera frames are decoded here with
// zxing-wasm (bundled, never fetched from a CDN) and only the text goes back. Nothing
// here stores or logs pixels.
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { FromQrDecoder, ToQrDecoder } from './qr-protocol.ts';

/** A coupon is a QR code on the shopper's phone or printout. */
const OPTIONS: ReaderOptions = { formats: ['QRCode'], textMode: 'Plain', maxNumberOfSymbols: 1, tryHarder: true, tryRotate: true, tryInvert: true, tryDownscale: true };

const post = (message: FromQrDecoder) => self.postMessage(message);
let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;

function pixels(frame: ImageBitmap): ImageData {
  if (!canvas || canvas.width !== frame.width || canvas.height !== frame.height) {
    canvas = new OffscreenCanvas(frame.width, frame.height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) throw new Error('no 2D context in the QR decoder');
  context.drawImage(frame, 0, 0);
  return context.getImageData(0, 0, frame.width, frame.height);
}

async function decode(message: ToQrDecoder): Promise<FromQrDecoder> {
  try {
    const results = await readBarcodes(pixels(message.frame), OPTIONS);
    const found = results.find((r) => r.isValid && r.text !== '');
    return { type: 'decoded', id: message.id, text: found?.text ?? null };
  } catch (err) {
    return { type: 'failed', id: message.id, message: (err as Error).message };
  } finally {
    message.frame.close();
  }
}

self.addEventListener('message', (event: MessageEvent<ToQrDecoder>) => {
  if (event.data?.type === 'decode') void decode(event.data).then(post);
});

void prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path) },
  fireImmediately: true,
}).then(
  () => post({ type: 'ready' }),
  (err: unknown) => post({ type: 'failed', id: 0, message: `the QR decoder did not load: ${String(err)}` }),
);
