// Builds the renderer into dist/renderer. In development (`npm run start:web`) the dev
// server also serves the built demo pack at /pack/, as the web host expects.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import { thirdPartyNotices } from '../build/licences/vite-notices.ts';
import { woff2Only } from '../build/vite/woff2-only.ts';
import { respondWithFile } from '../electron/main/file-responder.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };

async function send(res: ServerResponse, root: string, urlPath: string, method: string, range: string | null) {
  const r = await respondWithFile(root, urlPath, { method, range });
  res.writeHead(r.status, r.headers);
  if (r.body instanceof Uint8Array) res.end(r.body);
  else if (r.body) Readable.fromWeb(r.body as NodeReadableStream).pipe(res);
  else res.end();
}

/** Serves the demo pack at /pack/ while developing. */
function servePack(packDir: string): Plugin {
  return {
    name: 'kiosk-serve-pack',
    configureServer(server) {
      server.middlewares.use('/pack', (req, res) => {
        void send(res, packDir, new URL(req.url ?? '/', 'http://x').pathname, req.method ?? 'GET', req.headers.range ?? null);
      });
    },
  };
}

// THIRD_PARTY_NOTICES.txt beside index.html: the licences of what the page and its workers bundle.
const notices = thirdPartyNotices({
  product: 'Shopfront Kiosk (screen)',
  extras: [{ name: '@mediapipe/hands', usedFor: 'the hand models generated/hand_landmarker.task and generated/hand_landmarker_lite.task, made from its model files' }],
});

export default defineConfig({
  root: path.join(repo, 'renderer'),
  base: '/',
  plugins: [woff2Only(), vue(), servePack(process.env.KIOSK_PACK_DIR ?? path.join(repo, 'dist', 'packs', 'demo')), notices.plugin],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: {
    outDir: path.join(repo, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // Everything is a file: CSP allows no data: fonts, and a kiosk has all the disk it needs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  worker: { format: 'es', plugins: () => [notices.workerPlugin()] },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
});
