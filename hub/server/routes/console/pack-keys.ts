// The merchandising keys the hub trusts besides its own: listed, added (the public JSON
// `kiosk-pack keygen` writes) and removed by admins; every change in the audit log.
import type { FastifyInstance } from 'fastify';
import { addPackKeyRoute, packKeysRoute, removePackKeyRoute } from '../../../../content/schema/hub-api/console/packs.ts';
import { keyIdOf } from '../../../../content/lib/keys/ed25519.ts';
import { audit } from '../../../store/queries/audit.ts';
import { addPackKey, removePackKey } from '../../../store/queries/packs.ts';
import { addRoute } from '../../http/add-route.ts';
import { badRequest, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { forgetTrustedKeys, packKeyRows } from '../../packs/trusted-keys.ts';
import { conflict, packActor } from './pack-publishers.ts';

export function registerPackKeys(app: FastifyInstance, hub: HubContext): void {
  addRoute(app, hub, packKeysRoute, async () => ({ keys: await packKeyRows(hub) }));

  addRoute(
    app,
    hub,
    addPackKeyRoute,
    async ({ input, principal }) => {
      const key = input.body;
      if (keyIdOf(key.publicKey) !== key.keyId) throw badRequest('keyId does not belong to this public key: use the public key file kiosk-pack keygen wrote, unchanged.', 'key-id-mismatch');
      const known = await packKeyRows(hub);
      if (known.some((k) => k.keyId === key.keyId)) throw conflict(`The key ${key.keyId} is already trusted.`, 'key-exists');
      const now = hub.clock.now();
      await addPackKey(hub.store, { keyId: key.keyId, name: key.name, publicKey: key.publicKey, addedBy: packActor(principal), addedAt: now });
      forgetTrustedKeys(hub);
      await audit(hub.store, { at: now, actor: packActor(principal), action: 'pack-key.added', target: key.keyId, detail: { name: key.name } });
      return { name: key.name, keyId: key.keyId, publicKey: key.publicKey, source: 'added' as const, addedBy: packActor(principal), addedAt: now };
    },
    { roles: ['admin'], bodyLimit: 4096 },
  );

  addRoute(
    app,
    hub,
    removePackKeyRoute,
    async ({ input, principal }) => {
      const own = (await packKeyRows(hub)).find((k) => k.source === 'hub');
      if (own?.keyId === input.params.keyId) throw conflict("The hub's own key cannot be removed: packs built in the console are signed with it.", 'hub-key');
      const removed = await removePackKey(hub.store, input.params.keyId);
      if (!removed) throw notFound(`The key ${input.params.keyId} is not trusted here.`);
      forgetTrustedKeys(hub);
      await audit(hub.store, { at: hub.clock.now(), actor: packActor(principal), action: 'pack-key.removed', target: removed.keyId, detail: { name: removed.name } });
      return { ok: true as const };
    },
    { roles: ['admin'] },
  );
}
