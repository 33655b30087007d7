// Headers every answer carries: no sniffing, no referrer, no framing; the console's
// pages a strict Content-Security-Policy; kiosk routes CORS for kiosks running in a
// browser (their credential is a bearer token, never a cookie).
import type { FastifyInstance } from 'fastify';

export const CONSOLE_CSP = [
  "default-src 'self'",
  // The till page decodes QR codes with zxing's WebAssembly, in a worker.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  // ECharts and Vue transitions set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const KIOSK_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, content-encoding',
  'access-control-expose-headers': 'retry-after',
  'access-control-max-age': '600',
};

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (request.url.startsWith('/v1/')) reply.headers(KIOSK_CORS);
    else {
      reply.header('x-frame-options', 'DENY');
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', CONSOLE_CSP);
    }
    return payload;
  });
  // A kiosk in browser mode asks first whether it may send its credential.
  app.options('/v1/*', async (_request, reply) => reply.code(204).headers(KIOSK_CORS).send());
}
