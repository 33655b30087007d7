// Console sign-in: the first admin through the one-time set-up link printed at start-up,
// then username and password. Five wrong passwords lock an account for 15 minutes; the
// session is an HttpOnly, SameSite=Strict cookie, and its CSRF token goes back in the
// body for the console to send with every change.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { loginRoute, logoutRoute, meRoute, SESSION_COOKIE, setupCheckRoute, setupRoute, type SignedIn } from '../../../../content/schema/hub-api/console/auth.ts';
import {
  countUsers,
  createSession,
  createUser,
  deleteSession,
  recordFailedLogin,
  recordGoodLogin,
  setupTokenValid,
  userById,
  userByName,
  useSetupToken,
  type UserRecord,
} from '../../../store/queries/accounts.ts';
import { audit } from '../../../store/queries/audit.ts';
import { DECOY_HASH, hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { newCsrfToken, newSessionId, sha256 } from '../../auth/secrets.ts';
import { addRoute } from '../../http/add-route.ts';
import { HttpError, unauthorised } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';

export const LOCKOUT = { failures: 5, ms: 15 * 60_000 } as const;

const publicUser = (u: UserRecord) => ({ id: u.id, username: u.username, role: u.role, storeIds: u.storeIds });

async function signIn(hub: HubContext, reply: FastifyReply, user: UserRecord, secure: boolean): Promise<SignedIn> {
  const id = newSessionId();
  const csrfToken = newCsrfToken();
  const now = hub.clock.now();
  await createSession(hub.store, { idHash: sha256(id), userId: user.id, csrfToken, now, expiresAt: now + hub.options.sessionIdleMs });
  const cookie = [`${SESSION_COOKIE}=${id}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
  reply.header('set-cookie', cookie);
  return { user: publicUser(user), csrfToken };
}

const isHttps = (hub: HubContext) => hub.options.publicUrl.startsWith('https:');

export function registerConsoleAuth(app: FastifyInstance, hub: HubContext): void {
  addRoute(app, hub, setupCheckRoute, async ({ input }) => {
    const valid = (await countUsers(hub.store)) === 0 && (await setupTokenValid(hub.store, sha256(input.params.token), hub.clock.now()));
    return { valid };
  }, { perMinute: 20 });

  addRoute(
    app,
    hub,
    setupRoute,
    async ({ input, reply }) => {
      const now = hub.clock.now();
      if ((await countUsers(hub.store)) > 0) throw new HttpError(403, 'already-set-up', 'The hub already has an admin: sign in instead.');
      if (!(await useSetupToken(hub.store, sha256(input.body.token), now))) throw new HttpError(403, 'bad-setup-link', 'This set-up link is wrong, used or expired: restart the hub to print a new one.');
      const user = await createUser(hub.store, { username: input.body.username, passwordHash: await hashPassword(input.body.password), role: 'admin', storeIds: null, now });
      await audit(hub.store, { at: now, actor: `user:${user.username}`, action: 'user.created', target: user.username, detail: { role: 'admin', via: 'set-up link' } });
      return await signIn(hub, reply, user, isHttps(hub));
    },
    { bodyLimit: 4096, perMinute: 10 },
  );

  addRoute(
    app,
    hub,
    loginRoute,
    async ({ input, reply }) => {
      const now = hub.clock.now();
      const user = await userByName(hub.store, input.body.username.trim().toLowerCase());
      // Check a password even for an unknown name, so both take as long.
      const good = await verifyPassword(input.body.password, user?.passwordHash ?? DECOY_HASH);
      if (user && user.lockedUntil !== null && user.lockedUntil > now) {
        throw new HttpError(423, 'locked', `Too many wrong passwords: this account is locked until ${new Date(user.lockedUntil).toISOString()}.`, {
          'retry-after': String(Math.ceil((user.lockedUntil - now) / 1000)),
        });
      }
      if (!user || !good || user.disabled) {
        if (user && !user.disabled) {
          const after = await recordFailedLogin(hub.store, user.id, LOCKOUT.failures, now + LOCKOUT.ms);
          if (after?.lockedUntil && after.lockedUntil > now) await audit(hub.store, { at: now, actor: 'hub', action: 'user.locked', target: user.username, detail: { failures: LOCKOUT.failures } });
        }
        throw unauthorised('Wrong username or password.', 'wrong-password');
      }
      await recordGoodLogin(hub.store, user.id);
      return await signIn(hub, reply, user, isHttps(hub));
    },
    { bodyLimit: 4096, perMinute: 10 },
  );

  addRoute(app, hub, logoutRoute, async ({ principal, reply }) => {
    if (principal.kind === 'user') await deleteSession(hub.store, principal.sessionHash);
    reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return { ok: true as const };
  });

  addRoute(app, hub, meRoute, async ({ principal }) => {
    if (principal.kind !== 'user') throw unauthorised('Sign in to the console first.');
    const user = await userById(hub.store, principal.id);
    if (!user) throw unauthorised('Sign in to the console first.');
    return { user: publicUser(user), csrfToken: principal.csrfToken };
  });
}
