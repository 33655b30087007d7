// Sample rows shaped by the contract, for the tests.
import type { KioskRow } from '../../../../content/schema/hub-api/console/fleet.ts';
import type { DraftRow } from '../../../../content/schema/hub-api/console/pack-drafts.ts';
import type { StoreRecord } from '../../../../content/schema/hub-api/console/stores.ts';

export const NOW = Date.UTC(2025, 4, 3, 6, 0, 0);

export function kiosk(over: Partial<KioskRow> & Pick<KioskRow, 'deviceId'>): KioskRow {
  return {
    name: `Kiosk ${over.deviceId}`,
    storeId: 'sh-01',
    enrolledAt: '2025-04-01T08:00:00.000Z',
    revoked: false,
    online: true,
    lastHeartbeatAt: NOW - 3 * 60_000,
    appVersion: '1.4.0',
    mode: 'electron',
    pack: { packId: 'spring', version: '2025.04.1' },
    packProblem: null,
    outboxDepth: 12,
    oldestUnsentAgeMs: 90_000,
    seqGaps: 0,
    rendererRestarts: 1,
    rendererCrashes: 0,
    camera: 'available',
    scanner: 'hid-connected',
    lastInteractionAt: NOW - 10 * 60_000,
    openAlerts: 0,
    ...over,
  };
}

const week = { mon: [{ open: '10:00', close: '22:00' }], tue: [{ open: '10:00', close: '22:00' }], wed: [{ open: '10:00', close: '22:00' }], thu: [{ open: '10:00', close: '22:00' }], fri: [{ open: '10:00', close: '22:00' }], sat: [], sun: [] };

export function store(id: string, name: string): StoreRecord {
  return { id, name, timezone: 'Asia/Shanghai', hours: structuredClone(week), holidays: [] };
}

/** A pack draft's row as the hub lists it (the builder's form tests start from it). */
export function draftRow(over: Partial<DraftRow> = {}): DraftRow {
  return {
    id: 'draft-0001',
    name: 'Spring',
    packId: 'freshpick-demo',
    version: '1.1.0',
    title: { zh: '鲜选', en: 'FreshPick' },
    startedFrom: 'starter',
    productCount: 12,
    createdAt: 1,
    createdBy: 'mei',
    updatedAt: 1,
    updatedBy: 'mei',
    lastBuild: null,
    ...over,
  };
}

