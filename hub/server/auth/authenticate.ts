// Who is asking, checked from headers alone before the body is read: a kiosk by its
// credential, an enrolling kiosk by its code or token, a console user by the session
// cookie (plus the CSRF header on anything that changes state), or nobody on the few
// public routes.
import type { FastifyRequest } from 'fastify';
import type { HubRoute } from '../../../content/schema/hub-api/route.ts';
import { CSRF_HEADER, SESSION_COOKIE, type Role } from '../../../content/schema/hub-api/console/auth.ts';
import { sessionByHash, touchSession, userById } from '../../store/queries/accounts.ts';
import { accessTokenById, touchAccessToken } from '../../store/queries/access-tokens.ts';
import { kioskCredential } from '../../store/queries/kiosks.ts';
import { tillById } from '../../store/queries/tills.ts';
import type { HubContext } from '../hub-context.ts';
import { forbidden, unauthorised } from '../http/http-error.ts';
import { ACCESS_TOKEN_PREFIX, sameSecret, sha256, splitAccessToken, splitKioskToken, splitTillToken } from './secrets.ts';

export type Principal =
  | { kind: 'public' }
  | { kind: 'kiosk'; deviceId: string; storeId: string }
  | { kind: 'enrolment'; secret: string }
  | { kind: 'till'; tillId: string; storeId: string; name: string }
  | { kind: 'user'; id: number; username: string; role: Role; storeIds: string[] | null; sessionHash: string; csrfToken: string; accessTokenId?: string };

/** The credential a client sent: `Bearer <x>`, or `Basic base64(<x>:)` as Segment clients send a write key. */
export function credentialOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return (colon >= 0 ? decoded.slice(0, colon) : decoded).trim() || null;
  }
  return null;
}

async function kiosk(hub: HubContext, request: FastifyRequest): Promise<Principal> {
  const sent = credentialOf(request);
  const parts = sent ? splitKioskToken(sent) : null;
  if (!parts) throw unauthorised('This route needs a kiosk credential: enrol the kiosk with the hub and send its token as "Authorization: Bearer kt_…".');
  const found = await kioskCredential(hub.store, parts.tokenId);
  // Hash and compare even when nothing was found, so a wrong id takes as long as a wrong secret.
  const good = sameSecret(sha256(parts.secret), found?.tokenHash ?? sha256(''));
  if (!found || !good) throw unauthorised('The kiosk credential is not known to this hub: enrol the kiosk again.', 'not-enrolled');
  if (found.revoked) throw unauthorised('This kiosk was revoked in the console: enrol it again with a new code.', 'revoked');
  return { kind: 'kiosk', deviceId: found.deviceId, storeId: found.storeId };
}

async function till(hub: HubContext, request: FastifyRequest): Promise<Principal> {
  const sent = credentialOf(request);
  const parts = sent ? splitTillToken(sent) : null;
  if (!parts) throw unauthorised('This route needs a till credential: make one in the console (Coupons → tills) and send it as "Authorization: Bearer tl_…".');
  const found = await tillById(hub.store, parts.tillId);
  const good = sameSecret(sha256(parts.secret), found?.tokenHash ?? sha256(''));
  if (!found || !good) throw unauthorised('The till credential is not known to this hub.', 'unknown-till');
  if (found.revokedAt !== null) throw unauthorised('This till credential was revoked in the console.', 'revoked');
  return { kind: 'till', tillId: found.tillId, storeId: found.storeId, name: found.name };
}

function cookieValue(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** A script with a personal access token acts as its user, on the routes that allow tokens. */
async function tokenUser(hub: HubContext, sent: string, roles: readonly Role[] | undefined): Promise<Principal> {
  const parts = splitAccessToken(sent);
  const found = parts ? await accessTokenById(hub.store, parts.tokenId) : null;
  // Hash and compare even when nothing was found, so a wrong id takes as long as a wrong secret.
  const good = sameSecret(sha256(parts?.secret ?? ''), found?.secretHash ?? sha256('-'));
  if (!found || !good) throw unauthorised('This access token is not known to the hub: make a new one in the console (Packs → access tokens).', 'bad-access-token');
  if (found.revokedAt !== null) throw unauthorised('This access token was revoked: make a new one in the console.', 'revoked');
  const user = await userById(hub.store, found.userId);
  if (!user || user.disabled) throw unauthorised('The account this access token belongs to is disabled.', 'revoked');
  if (roles && !roles.includes(user.role)) throw forbidden(`Your role (${user.role}) may not do this.`);
  await touchAccessToken(hub.store, found.id, hub.clock.now());
  return { kind: 'user', id: user.id, username: user.username, role: user.role, storeIds: user.storeIds, sessionHash: '', csrfToken: '', accessTokenId: found.id };
}

async function consoleUser(hub: HubContext, request: FastifyRequest, method: string, roles: readonly Role[] | undefined, tokens: boolean): Promise<Principal> {
  const sent = credentialOf(request);
  if (sent?.startsWith(ACCESS_TOKEN_PREFIX)) {
    if (!tokens) throw unauthorised('Access tokens work only for uploading and listing packs; sign in to the console for this.', 'token-not-allowed');
    return tokenUser(hub, sent, roles);
  }
  const id = cookieValue(request, SESSION_COOKIE);
  if (!id) throw unauthorised('Sign in to the console first.', 'signed-out');
  const now = hub.clock.now();
  const sessionHash = sha256(id);
  const session = await sessionByHash(hub.store, sessionHash, now);
  const user = session ? await userById(hub.store, session.userId) : null;
  if (!session || !user || user.disabled) throw unauthorised('Your session has ended: sign in again.', 'signed-out');
  if (method !== 'GET' && method !== 'HEAD') {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) throw forbidden('The request did not carry this session\'s CSRF token: reload the console and try again.');
  }
  if (roles && !roles.includes(user.role)) throw forbidden(`Your role (${user.role}) may not do this.`);
  // Sliding expiry, written at most once a minute.
  if (session.expiresAt - now < hub.options.sessionIdleMs - 60_000) await touchSession(hub.store, sessionHash, now, now + hub.options.sessionIdleMs);
  return { kind: 'user', id: user.id, username: user.username, role: user.role, storeIds: user.storeIds, sessionHash, csrfToken: session.csrfToken };
}

export async function authenticate(hub: HubContext, route: HubRoute, request: FastifyRequest, roles: readonly Role[] | undefined): Promise<Principal> {
  switch (route.auth) {
    case 'public':
      return { kind: 'public' };
    case 'kiosk':
      return kiosk(hub, request);
    case 'enrolment': {
      const secret = credentialOf(request);
      if (!secret || secret.length < 8 || secret.length > 200) throw unauthorised('Send the enrolment code or token as "Authorization: Bearer <code>".', 'no-enrolment-secret');
      return { kind: 'enrolment', secret };
    }
    case 'console':
      return consoleUser(hub, request, route.method, roles, route.accessTokens === true);
    case 'till':
      return till(hub, request);
  }
}

/** Which stores a console user may see: null for every store. */
export function visibleStores(principal: Principal): string[] | null {
  return principal.kind === 'user' && principal.role === 'store-manager' ? principal.storeIds : null;
}
