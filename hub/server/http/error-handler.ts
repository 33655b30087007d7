// Every refusal as JSON {error, code}: a 4xx says what to fix; a database that cannot be
// reached is a 503 with Retry-After (a kiosk's outbox waits, nothing is lost); anything
// else is a 500 whose details go to the log, never to the client.
import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './http-error.ts';

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN']);
const DB_DOWN_TEXT = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|driver has already been destroyed|database is locked/i;

export function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (typeof e?.code === 'string' && DB_DOWN_CODES.has(e.code)) || (typeof e?.message === 'string' && DB_DOWN_TEXT.test(e.message));
}

export function installErrorHandling(app: FastifyInstance): void {
  // Only JSON is read; anything else is 415, not a string for a route to puzzle over.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err: FastifyError | HttpError | Error, request, reply) => {
    // A refused request whose body was never read: close the connection rather than read it to the end.
    if (!reply.sent && (request.headers['content-length'] || request.headers['transfer-encoding']) && request.body === undefined) reply.header('connection', 'close');
    if (err instanceof HttpError) {
      return reply.code(err.status).headers(err.headers).send({ error: err.message, code: err.code });
    }
    if (isDatabaseDown(err)) {
      request.log.warn({ err: { code: (err as { code?: string }).code, message: err.message } }, 'database unavailable');
      return reply.code(503).header('retry-after', '10').send({ error: "The hub's database cannot be reached right now; try again shortly.", code: 'unavailable' });
    }
    const status = (err as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = status === 429 ? 'rate-limited' : status === 413 ? 'too-large' : status === 415 ? 'unsupported-media-type' : 'bad-request';
      return reply.code(status).send({ error: err.message, code });
    }
    request.log.error({ err }, 'internal error');
    return reply.code(500).send({ error: 'Something went wrong in the hub; it has been logged.', code: 'internal' });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `There is no ${request.method} ${request.url.split('?')[0]} on this hub.`, code: 'not-found' }));
}
