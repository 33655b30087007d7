import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadOrCreateWebDeviceId } from './web-device-id.ts';

describe('browser device id', () => {
  it('is made once and read back on every later start, even by starts racing each other', async () => {
    const ids = await Promise.all([loadOrCreateWebDeviceId('race-db'), loadOrCreateWebDeviceId('race-db'), loadOrCreateWebDeviceId('race-db')]);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await loadOrCreateWebDeviceId('race-db')).toBe(ids[0]);
    expect(await loadOrCreateWebDeviceId('another-browser')).not.toBe(ids[0]);
  });
});
