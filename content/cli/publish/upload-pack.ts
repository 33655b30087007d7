// Streams a .kpack to the hub (POST /api/packs, the raw file as application/octet-stream)
// with a merchandiser's access token. The file is read in 1 MB pieces as the network
// takes them: a pack of a gigabyte never sits in memory.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Transform } from 'node:stream';
import { uploadPackRoute } from '../../schema/hub-api/console/packs.ts';

export interface UploadOptions {
  /** The hub's address; the route's path is resolved against it (a path prefix is kept). */
  hub: URL;
  token: string;
  /** Bytes sent so far, of `total`. */
  onProgress?: (sent: number, total: number) => void;
  /** The whole file is sent: from here on the hub is checking it. */
  onSent?: () => void;
  /** No byte moving either way for this long ends the upload (default two minutes). */
  idleTimeoutMs?: number;
}

export interface HubAnswer {
  status: number;
  /** The answer's JSON, or null when it was not JSON. */
  body: unknown;
  /** The answer's text when it was not JSON (shortened). */
  text: string;
}

/** The most of an answer that is read: the hub answers with a row or a problem report. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export function packsUrl(hub: URL): URL {
  const base = hub.href.endsWith('/') ? hub.href : `${hub.href}/`;
  return new URL(uploadPackRoute.path.replace(/^\//, ''), base);
}

async function readAnswer(response: IncomingMessage): Promise<HubAnswer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > MAX_ANSWER_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.statusCode ?? 0, body, text: text.slice(0, 500) };
}

export async function uploadPack(file: string, options: UploadOptions): Promise<HubAnswer> {
  const total = (await stat(file)).size;
  const url = packsUrl(options.hub);
  const client = url.protocol === 'https:' ? https : http;
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      options.onProgress?.(sent, total);
      callback(null, chunk);
    },
  });
  return new Promise<HubAnswer>((resolve, reject) => {
    let answered = false;
    let finished = false;
    const source = createReadStream(file, { highWaterMark: 1 << 20 });
    const request = client.request(url, {
      method: uploadPackRoute.method,
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(total),
        accept: 'application/json',
        // A hub that refuses the token can say so before a gigabyte is sent.
        expect: '100-continue',
      },
    });
    request.setTimeout(options.idleTimeoutMs ?? 120_000, () => request.destroy(Object.assign(new Error('the hub stopped answering'), { code: 'ETIMEDOUT' })));
    let sending = false;
    const send = () => {
      if (sending || answered) return;
      sending = true;
      source.on('error', (error) => request.destroy(error));
      source.pipe(counter).pipe(request);
    };
    request.on('continue', send);
    // A server (or proxy) that ignores Expect gets the file after a second, as curl does.
    const noContinue = setTimeout(send, 1000);
    request.on('response', (response) => {
      answered = true;
      clearTimeout(noContinue);
      // An answer before the whole file went out is a refusal (a wrong token, too large):
      // stop sending, read it, and close the connection the unfinished upload left open.
      if (!finished) source.unpipe();
      readAnswer(response).then((answer) => {
        if (!finished) {
          source.destroy();
          request.destroy();
        }
        resolve(answer);
      }, reject);
    });
    request.on('error', (error) => {
      clearTimeout(noContinue);
      if (!answered) reject(error);
    });
    request.on('finish', () => {
      finished = true;
      options.onSent?.();
    });
  });
}
