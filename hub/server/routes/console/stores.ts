// Stores and their opening hours. A store a kiosk or an enrolment code names before
// anyone set it up gets 09:00–21:00 every day in the hub's time zone, until changed.
import type { FastifyInstance } from 'fastify';
import type { StoreRecord} from '../../../../content/schema/hub-api/console/stores.ts';
import { Holiday, putStoreRoute, storesRoute, WeeklyHours } from '../../../../content/schema/hub-api/console/stores.ts';
import { audit } from '../../../store/queries/audit.ts';
import { listStores, putStore, type StoreRow } from '../../../store/queries/stores.ts';
import { DEFAULT_HOURS, isTimezone, type StoreHours } from '../../alerts/opening-hours.ts';
import { visibleStores } from '../../auth/authenticate.ts';
import { addRoute } from '../../http/add-route.ts';
import { badRequest, forbidden } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import { actorOf } from './users.ts';

export const DEFAULT_TIMEZONE = process.env.HUB_TIMEZONE ?? 'Asia/Shanghai';

function toRecord(row: StoreRow): StoreRecord {
  const hours = WeeklyHours.safeParse(JSON.parse(row.hours));
  const holidays = Holiday.array().safeParse(JSON.parse(row.holidays));
  return { id: row.id, name: row.name, timezone: row.timezone, hours: hours.success ? hours.data : DEFAULT_HOURS, holidays: holidays.success ? holidays.data : [] };
}

export async function ensureStore(hub: HubContext, storeId: string): Promise<void> {
  const stores = await listStores(hub.store);
  if (stores.some((s) => s.id === storeId)) return;
  await putStore(hub.store, { id: storeId, name: storeId, timezone: DEFAULT_TIMEZONE, hours: JSON.stringify(DEFAULT_HOURS), holidays: '[]', now: hub.clock.now() });
}

/** Every store's hours, by id; a store not set up yet has the default ones. */
export async function storeHoursById(hub: HubContext): Promise<(storeId: string) => StoreHours> {
  const byId = new Map((await listStores(hub.store)).map((row) => [row.id, toRecord(row)]));
  return (storeId) => byId.get(storeId) ?? { timezone: DEFAULT_TIMEZONE, hours: DEFAULT_HOURS, holidays: [] };
}

export function registerStores(app: FastifyInstance, hub: HubContext): void {
  addRoute(app, hub, storesRoute, async ({ principal }) => {
    const visible = visibleStores(principal);
    const stores = (await listStores(hub.store)).map(toRecord).filter((s) => !visible || visible.includes(s.id));
    return { stores };
  });

  addRoute(
    app,
    hub,
    putStoreRoute,
    async ({ input, principal }) => {
      const visible = visibleStores(principal);
      if (visible && !visible.includes(input.params.id)) throw forbidden(`You do not look after store ${input.params.id}.`);
      const body = input.body;
      if (!isTimezone(body.timezone)) throw badRequest(`body.timezone: ${body.timezone} is not a time zone (use a name like Asia/Shanghai)`);
      const now = hub.clock.now();
      await putStore(hub.store, { id: input.params.id, name: body.name, timezone: body.timezone, hours: JSON.stringify(body.hours), holidays: JSON.stringify(body.holidays), now });
      await audit(hub.store, { at: now, actor: actorOf(principal), action: 'store.saved', target: input.params.id, detail: { name: body.name, timezone: body.timezone, holidays: body.holidays.length } });
      return { id: input.params.id, ...body };
    },
    { roles: ['admin', 'store-manager'], bodyLimit: 64 * 1024 },
  );
}
