// A local HTTP server (127.0.0.1, random port) that serves one pack the way a CDN
// would — ETag, If-None-Match, Range with If-Range — and can misbehave on request.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Misbehaviour = 'drop-halfway' | 'error-500' | null;

export interface PackServer {
  url: string;
  /** Headers of every request received, in order. */
  requests: IncomingHttpHeaders[];
  serve(body: Buffer, etag: string): void;
  /** The next request misbehaves this way (once). */
  next(misbehaviour: Misbehaviour): void;
  close(): Promise<void>;
}

export async function startPackServer(): Promise<PackServer> {
  let body: Buffer = Buffer.alloc(0);
  let etag = '"none"';
  let misbehaviour: Misbehaviour = null;
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.headers);
    const mode = misbehaviour;
    misbehaviour = null;
    if (mode === 'error-500') {
      res.writeHead(500, { 'retry-after': '2' }).end('busy');
      return;
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range && req.headers['if-range'] === etag ? Number(range[1]) : 0;
    const part = body.subarray(start);
    const headers = { etag, 'content-length': String(part.length), 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' };
    if (start > 0) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
    else res.writeHead(200, headers);
    if (mode === 'drop-halfway') {
      res.write(part.subarray(0, Math.floor(part.length / 2)), () => res.destroy());
      return;
    }
    res.end(part);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/packs/store-1.kpack`,
    requests,
    serve(next, tag) {
      body = next;
      etag = tag;
    },
    next(m) {
      misbehaviour = m;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
