import { describe, expect, it } from 'vitest';
import { kiosk } from '../test-support/fixtures.ts';
import { countFleet, filterFleet, sortFleet } from './fleet-filter.ts';

const fleet = [
  kiosk({ deviceId: 'sh-door-0001', name: 'Entrance window', storeId: 'sh-01' }),
  kiosk({ deviceId: 'sh-aisle-0002', name: 'Cosmetics aisle', storeId: 'sh-01', online: false, openAlerts: 1 }),
  kiosk({ deviceId: 'bj-door-0003', name: 'Entrance window', storeId: 'bj-01', openAlerts: 2 }),
  kiosk({ deviceId: 'bj-old-0004', name: 'Old screen', storeId: 'bj-01', revoked: true }),
];

describe('fleet filters and counts', () => {
  it('keeps one store’s kiosks', () => {
    expect(filterFleet(fleet, { storeId: 'bj-01', text: '', status: 'all' }).map((k) => k.deviceId)).toEqual(['bj-door-0003', 'bj-old-0004']);
  });

  it('matches part of a name or a device id, in any case', () => {
    expect(filterFleet(fleet, { storeId: null, text: 'ENTRANCE', status: 'all' }).map((k) => k.deviceId)).toEqual(['sh-door-0001', 'bj-door-0003']);
    expect(filterFleet(fleet, { storeId: null, text: 'aisle-00', status: 'all' }).map((k) => k.deviceId)).toEqual(['sh-aisle-0002']);
    expect(filterFleet(fleet, { storeId: 'sh-01', text: 'entrance', status: 'all' }).map((k) => k.deviceId)).toEqual(['sh-door-0001']);
  });

  it('counts a revoked kiosk as offline', () => {
    expect(countFleet(fleet)).toEqual({ total: 4, online: 2, offline: 2, withAlerts: 2 });
    expect(filterFleet(fleet, { storeId: null, text: '', status: 'offline' }).map((k) => k.deviceId)).toEqual(['sh-aisle-0002', 'bj-old-0004']);
  });

  it('sorts by store name, then kiosk name', () => {
    const names: Record<string, string> = { 'sh-01': 'Shanghai', 'bj-01': 'Beijing' };
    expect(sortFleet(fleet, (id) => names[id] ?? id).map((k) => k.deviceId)).toEqual(['bj-door-0003', 'bj-old-0004', 'sh-aisle-0002', 'sh-door-0001']);
  });
});
