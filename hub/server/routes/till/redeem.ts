// The till's routes: one coupon at a time while online, or a batch of what an offline
// till redeemed, safe to send again.
import type { FastifyInstance } from 'fastify';
import { redeemBatchRoute, redeemRoute } from '../../../../content/schema/hub-api/redemptions.ts';
import { redeemCoupon } from '../../coupons/redeem.ts';
import { addRoute } from '../../http/add-route.ts';
import type { HubContext } from '../../hub-context.ts';

export function registerTillRoutes(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    redeemRoute,
    async ({ input, principal, reply }) => {
      if (principal.kind !== 'till') throw new Error('redeem without a till');
      const at = input.body.redeemedAt ? Date.parse(input.body.redeemedAt) : hub.clock.now();
      const { status, answer } = await redeemCoupon(hub, { text: input.body.token, redeemedAt: at, storeId: principal.storeId, till: `till:${principal.tillId}` });
      if (status !== 200) reply.code(status);
      return answer as never;
    },
    { bodyLimit: 8 * 1024, perMinute: 600 },
  );

  addRoute(
    app,
    hub,
    redeemBatchRoute,
    async ({ input, principal }) => {
      if (principal.kind !== 'till') throw new Error('redeem without a till');
      const results = [];
      for (const r of input.body.redemptions) {
        results.push((await redeemCoupon(hub, { text: r.token, redeemedAt: Date.parse(r.redeemedAt), storeId: principal.storeId, till: `till:${principal.tillId}` })).answer);
      }
      return { results };
    },
    { bodyLimit: 2 * 1024 * 1024, perMinute: 60 },
  );
}
