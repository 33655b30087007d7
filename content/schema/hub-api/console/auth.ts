// Console sign-in: the first admin from a one-time set-up link, then username and
// password. The session is an HttpOnly, SameSite=Strict cookie; every request that
// changes something also carries the session's CSRF token in `x-csrf-token`.
import { z } from 'zod';
import { ApiErrorBody } from '../errors.ts';
import { route } from '../route.ts';

export const ROLES = ['admin', 'merchandiser', 'store-manager', 'analyst'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Username = z.string().min(3).max(40).regex(/^[a-z0-9._-]+$/, { message: 'lower-case letters, digits, dot, dash and underscore' });
/** At least 10 characters; the hub keeps only a scrypt hash. */
export const Password = z.string().min(10, { message: 'at least 10 characters' }).max(200);

export const ConsoleUser = z.object({
  id: z.number().int(),
  username: Username,
  role: Role,
  /** The stores a store manager looks after; null: every store. */
  storeIds: z.array(z.string()).nullable(),
});
export type ConsoleUser = z.infer<typeof ConsoleUser>;

export const SignedIn = z.object({ user: ConsoleUser, csrfToken: z.string() });
export type SignedIn = z.infer<typeof SignedIn>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'hub_session';

export const setupCheckRoute = route({
  method: 'GET',
  path: '/api/setup/:token',
  auth: 'public',
  summary: 'Whether a set-up link for the first admin is still good.',
  params: z.object({ token: z.string().max(100) }),
  responses: { 200: z.object({ valid: z.boolean() }) },
});

export const setupRoute = route({
  method: 'POST',
  path: '/api/setup',
  auth: 'public',
  summary: 'Creates the first admin with the one-time set-up link, and signs them in.',
  body: z.strictObject({ token: z.string().max(100), username: Username, password: Password }),
  responses: { 200: SignedIn, 400: ApiErrorBody, 403: ApiErrorBody, 429: ApiErrorBody },
});

export const loginRoute = route({
  method: 'POST',
  path: '/api/login',
  auth: 'public',
  summary: 'Signs in; five wrong passwords lock the account for a while.',
  body: z.strictObject({ username: z.string().max(40), password: z.string().max(200) }),
  responses: { 200: SignedIn, 400: ApiErrorBody, 401: ApiErrorBody, 423: ApiErrorBody, 429: ApiErrorBody },
});

export const logoutRoute = route({
  method: 'POST',
  path: '/api/logout',
  auth: 'console',
  summary: 'Ends this session.',
  responses: { 200: z.object({ ok: z.literal(true) }) },
});

export const meRoute = route({
  method: 'GET',
  path: '/api/me',
  auth: 'console',
  summary: 'Who is signed in, and the CSRF token of this session.',
  responses: { 200: SignedIn, 401: ApiErrorBody },
});
