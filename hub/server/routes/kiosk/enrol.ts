// POST /v1/enrol: a kiosk joins with a one-time code or an enrolment token and gets its
// own credential. A code names the store the kiosk belongs to; a kiosk that enrols again
// (reinstalled, or revoked and given a new code) gets a new credential and the old one
// stops working.
import type { FastifyInstance } from 'fastify';
import { enrolRoute } from '../../../../content/schema/hub-api/enrolment.ts';
import { audit } from '../../../store/queries/audit.ts';
import { useEnrolmentSecret } from '../../../store/queries/enrolment.ts';
import { enrolKiosk } from '../../../store/queries/kiosks.ts';
import { enrolmentSecretHash, newKioskToken } from '../../auth/secrets.ts';
import { addRoute } from '../../http/add-route.ts';
import { unauthorised } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { trustedPackKeys } from '../../packs/trusted-keys.ts';
import { ensureStore } from '../console/stores.ts';

export function registerEnrol(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    enrolRoute,
    async ({ input, principal }) => {
      if (principal.kind !== 'enrolment') throw new Error('enrol without a secret');
      const now = hub.clock.now();
      const secret = await useEnrolmentSecret(hub.store, enrolmentSecretHash(principal.secret), now);
      if (!secret) throw unauthorised('This enrolment code is wrong, used or expired: make a new one in the console (Enrolment).', 'bad-enrolment-secret');
      const body = input.body;
      const storeId = secret.storeId;
      const name = body.kioskName?.trim() || secret.kioskName || 'Kiosk';
      await ensureStore(hub, storeId);
      const token = newKioskToken();
      await enrolKiosk(hub.store, {
        deviceId: body.deviceId,
        storeId,
        name,
        tokenId: token.tokenId,
        tokenHash: token.secretHash,
        appVersion: body.appVersion,
        platform: body.platform,
        couponKey: body.couponKey ? JSON.stringify(body.couponKey) : null,
        couponKeyId: body.couponKey?.keyId ?? null,
        now,
      });
      await audit(hub.store, {
        at: now,
        actor: `kiosk:${body.deviceId}`,
        action: 'kiosk.enrolled',
        target: body.deviceId,
        detail: { storeId, name, with: secret.kind, secretId: secret.id, appVersion: body.appVersion },
      });
      // The keys of the hub's packs: the kiosk trusts them from now on (and hears of changes in heartbeat answers).
      const packKeys = await trustedPackKeys(hub).catch((err: Error) => {
        hub.log.warn({ err: { message: err.message } }, 'pack keys not read for an enrolment');
        return undefined;
      });
      return { token: token.token, deviceId: body.deviceId, storeId, kioskName: name, enrolledAt: new Date(now).toISOString(), ...(packKeys ? { packKeys } : {}) };
    },
    { bodyLimit: 8 * 1024, perMinute: 20 },
  );
}
