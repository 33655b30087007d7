// Registers a route from its declaration in content/schema/hub-api: the credential its
// `auth` names is checked when the request arrives (before a body is read or inflated),
// the parameters, query and body are read with the declared schemas (a 400 that says
// which field and why), and the handler answers with one of the declared answers.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { HubRoute, RouteAnswer, RouteRequest } from '../../../content/schema/hub-api/route.ts';
import type { Role } from '../../../content/schema/hub-api/console/auth.ts';
import { authenticate, type Principal } from '../auth/authenticate.ts';
import type { HubContext } from '../hub-context.ts';
import { badRequest, HttpError } from './http-error.ts';

export interface RouteCall<T extends HubRoute> {
  input: RouteRequest<T>;
  principal: Principal;
  request: FastifyRequest;
  reply: FastifyReply;
  /** A `rawBody` route's body, unread: the handler streams it (null on other routes). */
  bodyStream: Readable | null;
}

export interface RouteOptions {
  /** Largest body this route reads (bytes, after inflating). */
  bodyLimit?: number;
  /** Console roles allowed (console routes only; default: every role). */
  roles?: readonly Role[];
  /** Requests per minute, per kiosk credential or per address for public routes. */
  perMinute?: number;
}

function parseWith(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = [where, ...issue.path.map(String)].join('.');
  throw badRequest(`${field}: ${issue.message}`);
}

const isStream = (value: unknown): value is Readable => value instanceof Readable;

/**
 * Bodies of a declared raw type reach the route unread, as the request stream: a route
 * that takes a file streams it to disk instead of holding it. Registered once per app.
 */
function acceptRawBodies(app: FastifyInstance, contentType: NonNullable<HubRoute['rawBody']>): void {
  if (app.hasContentTypeParser(contentType)) return;
  app.addContentTypeParser(contentType, (_request, payload, done) => done(null, payload));
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function addRoute<T extends HubRoute>(
  app: FastifyInstance,
  hub: HubContext,
  route: T,
  /**
   * Answers 200 with what it returns (a handler may set another declared status on the
   * reply first, for an answer that is not an error); refusals are thrown HttpErrors. A
   * handler that sends a file or a stream itself returns the reply.
   */
  handler: (call: RouteCall<T>) => Promise<RouteAnswer<T, 200>>,
  options: RouteOptions = {},
): void {
  if (route.rawBody) acceptRawBodies(app, route.rawBody);
  app.route({
    method: route.method,
    url: route.path,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    config: {
      rateLimit: options.perMinute
        ? {
            max: options.perMinute,
            timeWindow: 60_000,
            // Kiosks all behind one shop router share an address: count per credential.
            keyGenerator: (request: FastifyRequest) => {
              const p = request.principal;
              return p?.kind === 'kiosk' ? `kiosk:${p.deviceId}` : p?.kind === 'till' ? `till:${p.tillId}` : request.ip;
            },
          }
        : false,
    },
    onRequest: async (request) => {
      request.principal = await authenticate(hub, route, request, options.roles);
    },
    handler: async (request, reply) => {
      const raw = isStream(request.body) ? request.body : null;
      if (Boolean(route.rawBody) !== Boolean(raw)) {
        // The body was not read: the connection cannot carry another request.
        reply.header('connection', 'close');
        throw new HttpError(415, 'unsupported-media-type', route.rawBody ? `Send the file itself as the body, with "Content-Type: ${route.rawBody}".` : 'Send the body as JSON ("Content-Type: application/json").');
      }
      const input = {
        params: parseWith(route.params, request.params, 'params'),
        query: parseWith(route.query, request.query, 'query'),
        body: raw ? undefined : parseWith(route.body, request.body, 'body'),
      } as RouteRequest<T>;
      const body = await handler({ input, principal: request.principal!, request, reply, bodyStream: raw });
      // A handler that sent its answer itself (a file, a stream) returns the reply.
      if ((body as unknown) === reply) return reply;
      if (hub.options.checkResponses) {
        const checked = (route.responses as Record<number, z.ZodType | undefined>)[reply.statusCode]?.safeParse(body);
        if (!checked?.success) throw new Error(`${route.method} ${route.path} answered ${reply.statusCode} outside its declaration: ${checked?.error.message ?? 'no such status declared'}`);
      }
      return reply.send(body as unknown);
    },
  });
}
