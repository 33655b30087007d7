import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateDeviceId } from './device-identity.ts';

describe('device identity', () => {
  it('creates a device id once and keeps it across restarts', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-id-'));
    const file = path.join(dir, 'device.json');
    const first = await loadOrCreateDeviceId(file);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(await loadOrCreateDeviceId(file)).toBe(first);
    await fs.writeFile(file, 'corrupt');
    const replaced = await loadOrCreateDeviceId(file);
    expect(replaced).not.toBe(first);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).deviceId).toBe(replaced);
    await fs.rm(dir, { recursive: true });
  });
});
