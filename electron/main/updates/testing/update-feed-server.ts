// A static update feed on 127.0.0.1 for tests: latest-linux.yml and the files it names,
// as electron-builder publishes them, with Range support and a record of what was asked.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientRequest, RequestOptions } from 'node:http';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';

export interface PublishedFile {
  name: string;
  bytes: Buffer;
}

export interface FeedServer {
  /** The feed's folder URL (ends with /). */
  url: string;
  /** Every request: path, its authorization header, its range. */
  requests: { path: string; authorization: string | undefined; range: string | undefined }[];
  /** Publishes a version: the file and a latest-linux.yml naming it with its sha512 (or the one given, to publish a wrong one). */
  publish(version: string, file: PublishedFile, o?: { sha512?: string | null }): void;
  /** Serves other bytes under the published name than the yml describes. */
  replaceBytes(name: string, bytes: Buffer): void;
  close(): Promise<void>;
}

export const sha512Of = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** A fake app file: random bytes of a given size, so no two versions share content. */
export const fakeAppFile = (name: string, size = 256 * 1024): PublishedFile => ({ name, bytes: randomBytes(size) });

export async function startFeedServer(o: { requireAuthorization?: string } = {}): Promise<FeedServer> {
  const files = new Map<string, Buffer>();
  const requests: FeedServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\/feed\//, ''));
    requests.push({ path: name, authorization: req.headers.authorization, range: req.headers.range });
    if (o.requireAuthorization && req.headers.authorization !== o.requireAuthorization) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorised"}');
      return;
    }
    const body = files.get(name);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Number(range[2]) : body.length - 1;
      res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${body.length}`, 'content-length': end - start + 1, 'accept-ranges': 'bytes' });
      res.end(body.subarray(start, end + 1));
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'accept-ranges': 'bytes' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed/`,
    requests,
    publish(version, file, opts = {}) {
      files.set(file.name, file.bytes);
      const sha512 = opts.sha512 === undefined ? sha512Of(file.bytes) : opts.sha512;
      const hash = sha512 === null ? '' : `    sha512: ${sha512}\n`;
      files.set(
        'latest-linux.yml',
        Buffer.from(`version: ${version}\nfiles:\n  - url: ${file.name}\n${hash}    size: ${file.bytes.length}\npath: ${file.name}\n${sha512 === null ? '' : `sha512: ${sha512}\n`}releaseDate: '2026-05-01T08:00:00.000Z'\n`),
      );
    },
    replaceBytes(name, bytes) {
      files.set(name, bytes);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * electron-updater's HTTP client over Node's http (the app uses Electron's net module
 * instead): the same `download` as electron-updater's ElectronHttpExecutor, so the
 * sha512 check of the shared base class (its DigestTransform) runs as it does in the app.
 */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  async download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: (options.headers as RequestOptions['headers']) ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, { destination, options, onCancel, callback: (error) => (error ? reject(error) : resolve(destination)), responseHandler: null }, 0);
    });
  }

  createRequest(options: RequestOptions, callback: (response: http.IncomingMessage) => void): ClientRequest {
    return http.request(options, callback);
  }
}
