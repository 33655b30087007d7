// The kiosk's identity: a random device id kept for the life of the installation and
// a boot id that is new on every start. Neither says anything about a shopper.
import { randomUUID } from 'node:crypto';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';

export async function loadOrCreateDeviceId(file: string): Promise<string> {
  const existing = (await readJsonFile(file).catch(() => undefined)) as { deviceId?: unknown } | undefined;
  if (typeof existing?.deviceId === 'string' && /^[0-9a-f-]{36}$/.test(existing.deviceId)) return existing.deviceId;
  const deviceId = randomUUID();
  await writeJsonFileAtomic(file, { deviceId, createdAt: new Date().toISOString() });
  return deviceId;
}

export function newBootId(): string {
  return randomUUID();
}
