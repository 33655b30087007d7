// The machinery of the kiosk↔hub boundary: each HTTP route declared once — method,
// path, who may call it, and zod schemas for its parameters, query, body and each
// answer. The hub registers its Fastify routes from these declarations and the kiosk's
// clients read the answers with the same schemas, so the two cannot drift apart.
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Every answer to the console carries the hub's clock (ms since 1970): it counts ages and
 * expiries from it, so a manager's laptop whose clock is off still reads what the hub
 * decides by ("online", "expired", "5 minutes ago").
 */
export const HUB_TIME_HEADER = 'x-hub-time';

/**
 * Who may call a route. `public` routes hold no data (health, the tracking plan, the
 * console's login); every other route checks its credential before reading the body.
 */
export type RouteAuth = 'public' | 'kiosk' | 'enrolment' | 'console' | 'till';

export interface HubRoute<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends Readonly<Record<number, z.ZodType>> = Readonly<Record<number, z.ZodType>>,
> {
  readonly method: HttpMethod;
  /** Fastify-style path: `/v1/commands/:id/result`. */
  readonly path: string;
  readonly auth: RouteAuth;
  /** One line for the API reference. */
  readonly summary: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /**
   * The body is a file, not JSON: the handler reads it as a stream of this content type
   * (nothing is buffered; a 1 GB upload never sits in memory). Such a route has no `body` schema.
   */
  readonly rawBody?: 'application/octet-stream';
  /** A console route a script may also call with a personal access token (`Authorization: Bearer pt_…`). */
  readonly accessTokens?: boolean;
  /** The answers this route gives, by status. */
  readonly responses: R;
}

/** Declares a route; the identity function that keeps its schemas' types. */
export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  const R extends Readonly<Record<number, z.ZodType>> = Readonly<Record<number, z.ZodType>>,
>(declaration: HubRoute<P, Q, B, R>): HubRoute<P, Q, B, R> {
  return Object.freeze(declaration);
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;
/* eslint-disable @typescript-eslint/no-explicit-any -- picking one type argument out of a route */
type ParamsOf<T> = T extends HubRoute<infer P, any, any, any> ? P : never;
type QueryOf<T> = T extends HubRoute<any, infer Q, any, any> ? Q : never;
type BodyOf<T> = T extends HubRoute<any, any, infer B, any> ? B : never;
type ResponsesOf<T> = T extends HubRoute<any, any, any, infer R> ? R : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What a client sends on a route. */
export type RouteInput<T extends HubRoute> = { params: In<ParamsOf<T>>; query: In<QueryOf<T>>; body: In<BodyOf<T>> };
/** What a handler receives on a route, checked. */
export type RouteRequest<T extends HubRoute> = { params: Out<ParamsOf<T>>; query: Out<QueryOf<T>>; body: Out<BodyOf<T>> };
/** Any of a route's declared answers, with its status. */
export type RouteReply<T extends HubRoute> = { [S in keyof ResponsesOf<T> & number]: { status: S; body: z.input<ResponsesOf<T>[S]> } }[keyof ResponsesOf<T> & number];
/** The body of one declared answer. */
export type RouteAnswer<T extends HubRoute, S extends keyof ResponsesOf<T> & number> = z.output<ResponsesOf<T>[S]>;

/** The path with its parameters filled in and escaped: `/v1/commands/42/result`. */
export function pathOf(r: Pick<HubRoute, 'path'>, params: Record<string, string | number> = {}): string {
  return r.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${r.path} needs the parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
