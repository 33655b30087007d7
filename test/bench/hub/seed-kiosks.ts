// Enrols many kiosks straight into a hub's database (the enrolment route is rate-limited
// against guessing, as it should be), with credentials the benchmark knows.
import { openStore } from '../../../hub/store/open-store.ts';
import { newKioskToken } from '../../../hub/server/auth/secrets.ts';

export interface SeededKiosk {
  deviceId: string;
  storeId: string;
  token: string;
}

export async function seedKiosks(where: { url?: string; dataDir?: string }, count: number, stores = 50): Promise<SeededKiosk[]> {
  const store = await openStore(where);
  const kiosks: SeededKiosk[] = [];
  try {
    const now = Date.now();
    const rows: { device_id: string; store_id: string; name: string; token_id: string; token_hash: string; enrolled_at: number; app_version: string; platform: string }[] = [];
    for (let i = 0; i < count; i++) {
      const token = newKioskToken();
      const deviceId = `bench-${String(i).padStart(5, '0')}-kiosk`;
      const storeId = `store-${String(i % stores).padStart(3, '0')}`;
      kiosks.push({ deviceId, storeId, token: token.token });
      rows.push({ device_id: deviceId, store_id: storeId, name: `Window ${i}`, token_id: token.tokenId, token_hash: token.secretHash, enrolled_at: now, app_version: '0.1.0', platform: 'linux' });
    }
    await store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('kiosks').values(rows.slice(i, i + 200)).execute();
    });
  } finally {
    await store.close();
  }
  return kiosks;
}
