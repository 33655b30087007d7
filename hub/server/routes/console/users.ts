// Console accounts, for admins: add, change role or stores, reset a password, disable.
import type { FastifyInstance } from 'fastify';
import { createUserRoute, updateUserRoute, usersRoute } from '../../../../content/schema/hub-api/console/users.ts';
import { audit } from '../../../store/queries/audit.ts';
import { createUser, listUsers, updateUser, userByName, type UserRecord } from '../../../store/queries/accounts.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { addRoute } from '../../http/add-route.ts';
import { badRequest, HttpError, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';

const row = (u: UserRecord) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  storeIds: u.storeIds,
  disabled: u.disabled,
  createdAt: new Date(u.createdAt).toISOString(),
  lockedUntil: u.lockedUntil,
});

const ADMIN = ['admin'] as const;

export function registerUsers(app: FastifyInstance, hub: HubContext): void {
  addRoute(app, hub, usersRoute, async () => ({ users: (await listUsers(hub.store)).map(row) }), { roles: ADMIN });

  addRoute(
    app,
    hub,
    createUserRoute,
    async ({ input, principal }) => {
      const b = input.body;
      if (await userByName(hub.store, b.username)) throw new HttpError(409, 'exists', `There is already an account called ${b.username}.`);
      const now = hub.clock.now();
      const user = await createUser(hub.store, { username: b.username, passwordHash: await hashPassword(b.password), role: b.role, storeIds: b.role === 'store-manager' ? b.storeIds : null, now });
      await audit(hub.store, { at: now, actor: actorOf(principal), action: 'user.created', target: user.username, detail: { role: user.role, storeIds: user.storeIds } });
      return row(user);
    },
    { roles: ADMIN, bodyLimit: 16 * 1024 },
  );

  addRoute(
    app,
    hub,
    updateUserRoute,
    async ({ input, principal }) => {
      const b = input.body;
      if (principal.kind === 'user' && principal.id === input.params.id && (b.disabled || (b.role && b.role !== 'admin'))) {
        throw badRequest('You cannot disable yourself or take away your own admin role: ask another admin.');
      }
      const user = await updateUser(hub.store, input.params.id, {
        ...(b.role ? { role: b.role } : {}),
        ...(b.storeIds !== undefined ? { storeIds: b.storeIds } : {}),
        ...(b.password ? { passwordHash: await hashPassword(b.password) } : {}),
        ...(b.disabled !== undefined ? { disabled: b.disabled } : {}),
      });
      if (!user) throw notFound(`There is no account ${input.params.id}.`);
      const changed = Object.keys(b).map((k) => (k === 'password' ? 'password (reset)' : k));
      await audit(hub.store, { at: hub.clock.now(), actor: actorOf(principal), action: 'user.changed', target: user.username, detail: { changed, role: user.role, disabled: user.disabled } });
      return row(user);
    },
    { roles: ADMIN, bodyLimit: 16 * 1024 },
  );
}

export function actorOf(principal: { kind: string; username?: string; deviceId?: string }): string {
  if (principal.kind === 'user') return `user:${principal.username}`;
  if (principal.kind === 'kiosk') return `kiosk:${principal.deviceId}`;
  return 'hub';
}
