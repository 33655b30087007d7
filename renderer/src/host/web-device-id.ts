// The browser host's device id, kept in IndexedDB with strict durability: localStorage
// is flushed lazily, so a browser killed soon after its first start would come back as
// a new device and start its event seq again.
import { Dexie, type EntityTable } from 'dexie';

interface IdentityRow {
  id: 'device';
  deviceId: string;
  createdAt: string;
}

type IdentityDb = Dexie & { identity: EntityTable<IdentityRow, 'id'> };

export const WEB_IDENTITY_DB = 'kiosk-web-identity';

export async function loadOrCreateWebDeviceId(dbName = WEB_IDENTITY_DB): Promise<string> {
  const db = new Dexie(dbName, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as IdentityDb;
  db.version(1).stores({ identity: 'id' });
  try {
    return await db.transaction('rw', db.identity, async () => {
      const existing = await db.identity.get('device');
      if (existing) return existing.deviceId;
      const row: IdentityRow = { id: 'device', deviceId: crypto.randomUUID(), createdAt: new Date().toISOString() };
      await db.identity.add(row);
      return row.deviceId;
    });
  } finally {
    db.close();
  }
}
