// Enrolment codes and tokens: made in the console (the secret shown once), listed
// without secrets, revoked.
import type { FastifyInstance } from 'fastify';
import { createEnrolmentSecretRoute, enrolmentSecretsRoute, revokeEnrolmentSecretRoute } from '../../../../content/schema/hub-api/console/fleet.ts';
import { audit } from '../../../store/queries/audit.ts';
import { createEnrolmentSecret, listEnrolmentSecrets, revokeEnrolmentSecret, type EnrolmentSecretRecord } from '../../../store/queries/enrolment.ts';
import { visibleStores } from '../../auth/authenticate.ts';
import { enrolmentSecretHash, newEnrolmentCode, newEnrolmentToken } from '../../auth/secrets.ts';
import { addRoute } from '../../http/add-route.ts';
import { forbidden, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { ensureStore } from './stores.ts';
import { actorOf } from './users.ts';

const row = (s: EnrolmentSecretRecord, now: number) => ({
  id: s.id,
  kind: s.kind,
  storeId: s.storeId,
  kioskName: s.kioskName,
  createdAt: new Date(s.createdAt).toISOString(),
  createdBy: s.createdBy,
  expiresAt: s.expiresAt,
  uses: s.uses,
  revoked: s.revokedAt !== null || s.expiresAt <= now,
});

const MANAGERS = ['admin', 'store-manager'] as const;

export function registerEnrolment(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    enrolmentSecretsRoute,
    async ({ principal }) => {
      const visible = visibleStores(principal);
      const now = hub.clock.now();
      const secrets = (await listEnrolmentSecrets(hub.store)).filter((s) => !visible || visible.includes(s.storeId));
      return { secrets: secrets.map((s) => row(s, now)) };
    },
    { roles: MANAGERS },
  );

  addRoute(
    app,
    hub,
    createEnrolmentSecretRoute,
    async ({ input, principal }) => {
      const b = input.body;
      const visible = visibleStores(principal);
      if (visible && !visible.includes(b.storeId)) throw forbidden(`You do not look after store ${b.storeId}.`);
      const now = hub.clock.now();
      const secret = b.kind === 'code' ? newEnrolmentCode() : newEnrolmentToken();
      await ensureStore(hub, b.storeId);
      const record = await createEnrolmentSecret(hub.store, {
        kind: b.kind,
        secretHash: enrolmentSecretHash(secret),
        storeId: b.storeId,
        kioskName: b.kioskName,
        createdBy: principal.kind === 'user' ? principal.username : 'hub',
        now,
        expiresAt: now + b.validHours * 3_600_000,
      });
      await audit(hub.store, { at: now, actor: actorOf(principal), action: `enrolment.${b.kind}-made`, target: String(record.id), detail: { storeId: b.storeId, validHours: b.validHours } });
      return { secret, row: row(record, now) };
    },
    { roles: MANAGERS, bodyLimit: 4096 },
  );

  addRoute(
    app,
    hub,
    revokeEnrolmentSecretRoute,
    async ({ input, principal }) => {
      const now = hub.clock.now();
      const existing = (await listEnrolmentSecrets(hub.store)).find((s) => s.id === input.params.id);
      if (!existing) throw notFound(`There is no enrolment code ${input.params.id}.`);
      const visible = visibleStores(principal);
      if (visible && !visible.includes(existing.storeId)) throw forbidden(`You do not look after store ${existing.storeId}.`);
      const record = (await revokeEnrolmentSecret(hub.store, input.params.id, now))!;
      await audit(hub.store, { at: now, actor: actorOf(principal), action: 'enrolment.revoked', target: String(record.id) });
      return row(record, now);
    },
    { roles: MANAGERS },
  );
}
