// Personal access tokens: a script (kiosk-pack publish) acting as its console user on
// the routes that allow it. The secret is shown once; only its hash is kept.
import type { FastifyInstance } from 'fastify';
import { accessTokensRoute, createAccessTokenRoute, revokeAccessTokenRoute, type AccessTokenRow } from '../../../../content/schema/hub-api/console/packs.ts';
import { createAccessToken, listAccessTokens, revokeAccessToken, type AccessTokenRecord } from '../../../store/queries/access-tokens.ts';
import { audit } from '../../../store/queries/audit.ts';
import type { Principal } from '../../auth/authenticate.ts';
import { newAccessToken } from '../../auth/secrets.ts';
import { addRoute } from '../../http/add-route.ts';
import { forbidden, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { packActor, PUBLISHERS } from './pack-publishers.ts';

function userOf(principal: Principal): Extract<Principal, { kind: 'user' }> {
  if (principal.kind !== 'user') throw forbidden('Only console users have access tokens.');
  return principal;
}

const tokenRow = (t: AccessTokenRecord): AccessTokenRow => ({ id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revoked: t.revokedAt !== null });

export function registerAccessTokens(app: FastifyInstance, hub: HubContext): void {
  addRoute(app, hub, accessTokensRoute, async ({ principal }) => ({ tokens: (await listAccessTokens(hub.store, userOf(principal).id)).map(tokenRow) }));

  addRoute(
    app,
    hub,
    createAccessTokenRoute,
    async ({ input, principal }) => {
      const user = userOf(principal);
      const made = newAccessToken();
      const now = hub.clock.now();
      const token = await createAccessToken(hub.store, { id: made.tokenId, userId: user.id, name: input.body.name, secretHash: made.secretHash, createdAt: now });
      await audit(hub.store, { at: now, actor: packActor(principal), action: 'access-token.created', target: token.id, detail: { name: token.name } });
      return { secret: made.token, token: tokenRow(token) };
    },
    { roles: PUBLISHERS, bodyLimit: 4096 },
  );

  addRoute(app, hub, revokeAccessTokenRoute, async ({ input, principal }) => {
    const token = await revokeAccessToken(hub.store, userOf(principal).id, input.params.id, hub.clock.now());
    if (!token) throw notFound('You have no such access token.');
    await audit(hub.store, { at: hub.clock.now(), actor: packActor(principal), action: 'access-token.revoked', target: token.id, detail: { name: token.name } });
    return tokenRow(token);
  });
}
