// app:// serves the built renderer (with its Content-Security-Policy), pack:// serves
// the active content pack. Both go through the same rooted file responder.
import { protocol } from 'electron';
import { APP_SCHEME, PACK_SCHEME } from './security-policy.ts';
import { respondWithFile } from './file-responder.ts';

/** Must run before app 'ready'. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
    { scheme: PACK_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

async function toResponse(root: string | null, request: Request, headers: Record<string, string> = {}): Promise<Response> {
  if (!root) return new Response('No active content pack', { status: 503 });
  const url = new URL(request.url);
  const r = await respondWithFile(root, url.pathname, { method: request.method, range: request.headers.get('range') }, headers);
  return new Response(r.body, { status: r.status, headers: r.headers });
}

export function handleProtocols(options: { rendererDir: string; csp: () => string; activePackDir: () => string | null }): void {
  protocol.handle(APP_SCHEME, (request) =>
    toResponse(options.rendererDir, request, { 'content-security-policy': options.csp() }),
  );
  protocol.handle(PACK_SCHEME, (request) => toResponse(options.activePackDir(), request));
}
