// Serves the built renderer and an unpacked pack the way a kiosk's web host expects
// (/ and /pack/), with the same Content-Security-Policy as the Electron app. Used by
// the end-to-end tests and benchmarks; listens on 127.0.0.1 only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { buildContentSecurityPolicy } from '../../electron/common/csp.ts';
import { respondWithFile } from '../../electron/main/file-responder.ts';

export interface KioskWebServerOptions {
  rendererDir: string;
  packDir: string;
  port?: number;
  /** Served as /kiosk-config.json when given. */
  config?: unknown;
  connectOrigins?: string[];
  /** Origins the page may show pack files from; by default connectOrigins (a hub serves its packs to browser-mode kiosks). */
  packOrigins?: string[];
}

export interface KioskWebServer {
  url: string;
  close(): Promise<void>;
}

export async function startKioskWebServer(options: KioskWebServerOptions): Promise<KioskWebServer> {
  const csp = buildContentSecurityPolicy({ connectOrigins: options.connectOrigins, packOrigins: options.packOrigins ?? options.connectOrigins ?? [] });
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/kiosk-config.json') {
        if (options.config === undefined) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(options.config));
      }
      const inPack = url.pathname.startsWith('/pack/');
      const root = inPack ? options.packDir : options.rendererDir;
      const filePath = inPack ? url.pathname.slice('/pack'.length) : url.pathname === '/' ? '/index.html' : url.pathname;
      const r = await respondWithFile(root, filePath, { method: req.method ?? 'GET', range: req.headers.range ?? null }, inPack ? {} : { 'content-security-policy': csp });
      res.writeHead(r.status, r.headers);
      if (r.body instanceof Uint8Array) res.end(r.body);
      else if (r.body) Readable.fromWeb(r.body as NodeReadableStream).pipe(res);
      else res.end();
    })().catch((err) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    // Ends the connections still open too (a page's keep-alive or a video it is still
    // streaming): the server may be stopped before the browser that holds them.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
