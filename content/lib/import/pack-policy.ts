// Whether a signed, valid pack is meant for this kiosk now.
import type { Manifest } from '../../schema/manifest.ts';
import { PackImportError } from './import-error.ts';

export interface KioskIdentity {
  storeId: string;
  kioskId?: string;
}

export function checkValidity(manifest: Manifest, now: Date): void {
  if (manifest.validTo && Date.parse(manifest.validTo) <= now.getTime()) throw new PackImportError('expired', { validTo: manifest.validTo });
  if (manifest.validFrom && Date.parse(manifest.validFrom) > now.getTime()) throw new PackImportError('not-yet-valid', { validFrom: manifest.validFrom });
}

/** Empty target lists mean every store / every kiosk. */
export function checkTargets(manifest: Manifest, kiosk: KioskIdentity): void {
  const { stores, kiosks } = manifest.targets;
  const storeOk = stores.length === 0 || stores.includes(kiosk.storeId);
  const kioskOk = kiosks.length === 0 || (kiosk.kioskId !== undefined && kiosks.includes(kiosk.kioskId));
  if (storeOk && kioskOk) return;
  const targets = [stores.length ? `stores ${stores.join(', ')}` : '', kiosks.length ? `kiosks ${kiosks.join(', ')}` : ''].filter(Boolean).join('; ');
  throw new PackImportError('not-for-this-kiosk', { targets, self: `store ${kiosk.storeId}${kiosk.kioskId ? `, kiosk ${kiosk.kioskId}` : ''}` });
}
