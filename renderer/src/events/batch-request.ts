// What one upload sends, in README.md's wire format: POST <collector>/v1/batch with a
// JSON body {batch, sentAt, writeKey} whose messages all carry that sentAt, gzipped, and
// the write key as the Basic auth user name.
import { batchRoute } from '../../../content/schema/hub-api/batch.ts';
import { withSentAt } from './envelope.ts';

/** The batch endpoint of a collector's base URL; a URL that already ends in /v1/batch is used as it is. */
export function batchEndpoint(url: string): string {
  const u = new URL(url);
  if (u.pathname.replace(/\/$/, '').endsWith(batchRoute.path)) return u.href;
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return new URL(batchRoute.path.slice(1), u).href;
}

/** The body for stored messages (JSON without sentAt); the write key is repeated for collectors that read it there. */
export function batchBody(messages: readonly string[], sentAt: string, writeKey: string | undefined): string {
  const key = writeKey ? `,"writeKey":${JSON.stringify(writeKey)}` : '';
  return `{"batch":[${messages.map((json) => withSentAt(json, sentAt)).join(',')}],"sentAt":${JSON.stringify(sentAt)}${key}}`;
}

export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function basicAuth(writeKey: string): string {
  const bytes = new TextEncoder().encode(`${writeKey}:`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

export function batchHeaders(writeKey: string | undefined, gzipped: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (writeKey) headers.authorization = basicAuth(writeKey);
  if (gzipped) headers['content-encoding'] = 'gzip';
  return headers;
}
