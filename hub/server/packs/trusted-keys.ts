// The merchandising keys the hub trusts: its own (packs built in the console) and those
// an admin added (the public JSON `kiosk-pack keygen` writes). Uploads are checked
// against them, and kiosks are told to trust the same keys in their heartbeat answers.
import type { PackKeyRow } from '../../../content/schema/hub-api/console/packs.ts';
import type { TrustedKey } from '../../../content/schema/kiosk-config.ts';
import { listPackKeys } from '../../store/queries/packs.ts';
import type { HubContext } from '../hub-context.ts';
import { hubTrustedKey } from './signing-key.ts';

/** Every trusted key, the hub's own first. */
export async function packKeyRows(hub: HubContext): Promise<PackKeyRow[]> {
  const own = await hubTrustedKey(hub);
  const added = await listPackKeys(hub.store);
  return [
    { ...own, source: 'hub', addedBy: null, addedAt: 0 },
    ...added.filter((k) => k.keyId !== own.keyId).map((k): PackKeyRow => ({ name: k.name, keyId: k.keyId, publicKey: k.publicKey, source: 'added', addedBy: k.addedBy, addedAt: k.addedAt })),
  ];
}

/** How long a process reuses the list for heartbeats: a key an admin removes stops being announced within this. */
const CACHE_MS = 10_000;
const cached = new WeakMap<HubContext, { at: number; keys: Promise<TrustedKey[]> }>();

/** The trusted keys as a kiosk's config holds them (read again at most every few seconds). */
export function trustedPackKeys(hub: HubContext, fresh = false): Promise<TrustedKey[]> {
  const now = Date.now();
  const hit = cached.get(hub);
  if (!fresh && hit && now - hit.at < CACHE_MS) return hit.keys;
  const keys = packKeyRows(hub).then((rows) => rows.map(({ name, keyId, publicKey }) => ({ name: name.slice(0, 80), keyId, publicKey })));
  cached.set(hub, { at: now, keys });
  keys.catch(() => cached.delete(hub));
  return keys;
}

/** After an admin adds or removes a key: this process answers with the new list at once. */
export function forgetTrustedKeys(hub: HubContext): void {
  cached.delete(hub);
}
