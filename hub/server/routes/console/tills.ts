// Tills in the console: their credentials, the till page that redeems as a store's till,
// and the reconciliation of issued and redeemed coupons.
import type { FastifyInstance } from 'fastify';
import { consoleRedeemRoute, createTillRoute, reconciliationRoute, revokeTillRoute, tillsRoute } from '../../../../content/schema/hub-api/console/tills.ts';
import { seqGaps } from '../../../../content/coupon-tools/reconcile.ts';
import { audit } from '../../../store/queries/audit.ts';
import { campaignReconciliation, couponNumbers } from '../../../store/queries/reconciliation.ts';
import { createTill, listTills, revokeTill, type TillRecord } from '../../../store/queries/tills.ts';
import { visibleStores } from '../../auth/authenticate.ts';
import { newTillToken } from '../../auth/secrets.ts';
import { redeemCoupon } from '../../coupons/redeem.ts';
import { addRoute } from '../../http/add-route.ts';
import { badRequest, forbidden, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { ensureStore } from './stores.ts';
import { actorOf } from './users.ts';

const row = (t: TillRecord) => ({ tillId: t.tillId, storeId: t.storeId, name: t.name, createdAt: t.createdAt, createdBy: t.createdBy, revoked: t.revokedAt !== null });

export function registerTills(app: FastifyInstance, hub: HubContext): void {
  addRoute(app, hub, tillsRoute, async () => ({ tills: (await listTills(hub.store)).map(row) }), { roles: ['admin'] });

  addRoute(
    app,
    hub,
    createTillRoute,
    async ({ input, principal }) => {
      const token = newTillToken();
      const now = hub.clock.now();
      await ensureStore(hub, input.body.storeId);
      const till = await createTill(hub.store, { tillId: token.tillId, storeId: input.body.storeId, name: input.body.name, tokenHash: token.secretHash, createdBy: principal.kind === 'user' ? principal.username : 'hub', now });
      await audit(hub.store, { at: now, actor: actorOf(principal), action: 'till.made', target: till.tillId, detail: { storeId: till.storeId, name: till.name } });
      return { secret: token.token, till: row(till) };
    },
    { roles: ['admin'], bodyLimit: 4096 },
  );

  addRoute(
    app,
    hub,
    revokeTillRoute,
    async ({ input, principal }) => {
      const now = hub.clock.now();
      const till = await revokeTill(hub.store, input.params.tillId, now);
      if (!till) throw notFound(`There is no till ${input.params.tillId}.`);
      await audit(hub.store, { at: now, actor: actorOf(principal), action: 'till.revoked', target: till.tillId });
      return row(till);
    },
    { roles: ['admin'] },
  );

  addRoute(
    app,
    hub,
    consoleRedeemRoute,
    async ({ input, principal, reply }) => {
      const visible = visibleStores(principal);
      if (visible && !visible.includes(input.body.storeId)) throw forbidden(`You do not look after store ${input.body.storeId}.`);
      const at = input.body.redeemedAt ? Date.parse(input.body.redeemedAt) : hub.clock.now();
      const { status, answer } = await redeemCoupon(hub, { text: input.body.token, redeemedAt: at, storeId: input.body.storeId, till: `console:${principal.kind === 'user' ? principal.username : 'hub'}` });
      if (status !== 200) reply.code(status);
      if (answer.result === 'redeemed') await audit(hub.store, { at: hub.clock.now(), actor: actorOf(principal), action: 'coupon.redeemed', target: answer.coupon.couponId, detail: { storeId: input.body.storeId } });
      return answer as never;
    },
    { roles: ['admin', 'store-manager'], bodyLimit: 8192, perMinute: 600 },
  );

  addRoute(
    app,
    hub,
    reconciliationRoute,
    async ({ input, principal }) => {
      const q = input.query;
      if (!(q.to > q.from)) throw badRequest('query.to: the period must end after it starts');
      const visible = visibleStores(principal);
      if (visible && q.storeId && !visible.includes(q.storeId)) throw forbidden(`You do not look after store ${q.storeId}.`);
      const storeIds = q.storeId ? [q.storeId] : visible;
      const { campaigns, neverIssued } = await campaignReconciliation(hub.store, { from: q.from, to: q.to, storeIds });
      const numbers = await couponNumbers(hub.store, { from: q.from, to: q.to, storeIds });
      const byKiosk = new Map<string, { deviceId: string; seqs: number[] }>();
      for (const n of numbers) {
        const k = byKiosk.get(n.kiosk_id) ?? { deviceId: n.device_id, seqs: [] };
        k.seqs.push(Number(n.seq));
        byKiosk.set(n.kiosk_id, k);
      }
      const gaps = [...byKiosk].flatMap(([kioskId, k]) => seqGaps(k.seqs).map(([from, to]) => ({ kioskId, deviceId: k.deviceId, from, to })));
      // Coupons redeemed but never seen issued belong to no campaign the hub knows: one line of their own.
      const all = neverIssued > 0 ? [...campaigns, { campaignId: '', issued: 0, redeemed: 0, redeemedTwice: 0, afterExpiry: 0, neverIssued }] : campaigns;
      return { campaigns: all, gaps };
    },
    { roles: ['admin', 'store-manager', 'analyst'] },
  );
}
