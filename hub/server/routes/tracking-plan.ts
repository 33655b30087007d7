// GET /v1/tracking-plan: the plan this hub checks events against, for anyone building
// on the data (no credential: it holds no data). Cached by version.
import type { FastifyInstance } from 'fastify';
import { trackingPlanDocument } from '../../../content/schema/events/plan-document.ts';
import { trackingPlanRoute } from '../../../content/schema/hub-api/tracking-plan.ts';
import { addRoute } from '../http/add-route.ts';
import type { HubContext } from '../hub-context.ts';

export function registerTrackingPlan(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    trackingPlanRoute,
    async ({ request, reply }) => {
      const plan = trackingPlanDocument();
      const etag = `"plan-${plan.version}"`;
      void reply.header('etag', etag).header('cache-control', 'public, max-age=300');
      if (request.headers['if-none-match'] === etag) {
        void reply.code(304);
        return undefined as never;
      }
      return plan;
    },
    { perMinute: 60 },
  );
}
