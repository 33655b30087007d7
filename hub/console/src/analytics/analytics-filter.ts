// The analytics page's filters, pure: what the address holds, and the filter every
// report sends. Shared views are links: store, kiosk, pack, period and the two packs
// compared all live in the address.
import type { AnalyticsFilter } from '../../../../content/schema/hub-api/console/analytics.ts';
import { DeviceId, StoreId } from '../../../../content/schema/hub-api/enrolment.ts';
import { DEFAULT_PERIOD, periodFromQuery, periodToQuery, type Period, type PeriodChoice } from '../period/period.ts';

export interface AnalyticsChoice {
  /** null: every store the user may see. */
  storeId: string | null;
  /** null: every kiosk. */
  deviceId: string | null;
  /** packId@version; null: every pack. */
  pack: string | null;
  period: PeriodChoice;
  /** The two pack versions the comparison shows; null: the two with the most sessions. */
  compare: [string | null, string | null];
}

export const NO_CHOICE: AnalyticsChoice = { storeId: null, deviceId: null, pack: null, period: DEFAULT_PERIOD, compare: [null, null] };

const first = (v: unknown): string | undefined => {
  const value = Array.isArray(v) ? v[0] : v;
  return typeof value === 'string' && value !== '' ? value : undefined;
};
/** A value the hub would refuse (a hand-edited link) is dropped rather than sent. */
const packOf = (v: unknown): string | null => {
  const value = first(v);
  return value && value.length <= 200 ? value : null;
};

export function choiceFromQuery(query: Record<string, unknown>): AnalyticsChoice {
  const store = first(query.store);
  const kiosk = first(query.kiosk);
  return {
    storeId: store && StoreId.safeParse(store).success ? store : null,
    deviceId: kiosk && DeviceId.safeParse(kiosk).success ? kiosk : null,
    pack: packOf(query.pack),
    period: periodFromQuery(query),
    compare: [packOf(query.packA), packOf(query.packB)],
  };
}

/** The address of a view: only what differs from the defaults (the default period included, so a link says it). */
export function choiceToQuery(choice: AnalyticsChoice): Record<string, string> {
  const query: Record<string, string> = {};
  if (choice.storeId) query.store = choice.storeId;
  if (choice.deviceId) query.kiosk = choice.deviceId;
  if (choice.pack) query.pack = choice.pack;
  Object.assign(query, periodToQuery(choice.period));
  if (choice.compare[0]) query.packA = choice.compare[0];
  if (choice.compare[1]) query.packB = choice.compare[1];
  return query;
}

/** The filter every report sends (the hub's AnalyticsFilter). */
export function filterOf(choice: AnalyticsChoice, period: Pick<Period, 'from' | 'to'>): AnalyticsFilter {
  const filter: AnalyticsFilter = { from: period.from, to: period.to };
  if (choice.storeId) filter.storeId = choice.storeId;
  if (choice.deviceId) filter.deviceId = choice.deviceId;
  if (choice.pack) filter.pack = choice.pack;
  return filter;
}

/** The filter without the pack (the pack list and the comparison span every pack). */
export function withoutPack(filter: AnalyticsFilter): Omit<AnalyticsFilter, 'pack'> {
  const { pack: _pack, ...rest } = filter;
  return rest;
}
