import { describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { HostNotice } from '../../../electron/common/pack-admin.ts';
import type { Tracker } from '../events/tracker.ts';
import { forwardHostNotices } from './host-notices.ts';

describe('host notices', () => {
  it('records a failed import and a rollback as events, and acknowledges them only afterwards', async () => {
    const tracked: [string, unknown][] = [];
    const acks: number[] = [];
    let listener: ((n: HostNotice) => void) | null = null;
    const pending: HostNotice[] = [
      { id: 1, kind: 'pack-activated', at: 't', packId: 'demo', version: '1.0.0', source: 'bundled' },
      { id: 2, kind: 'pack-import-failed', at: 't', source: 'folder', file: 'spring.kpack', code: 'hash-mismatch', message: '文件被改动 / a file was changed' },
    ];
    const host = {
      getHostNotices: async () => pending,
      ackHostNotices: async (id: number) => void acks.push(id),
      onHostNotice: (l: (n: HostNotice) => void) => {
        listener = l;
        return () => undefined;
      },
    } as unknown as KioskApi;
    const tracker: Tracker = {
      track: async (event, properties) => {
        tracked.push([event, properties]);
      },
    };
    await forwardHostNotices(host, tracker);
    expect(tracked).toEqual([['Pack Import Failed', { source: 'folder', file: 'spring.kpack', code: 'hash-mismatch', message: '文件被改动 / a file was changed' }]]);
    expect(acks).toEqual([1, 2]);

    listener!({ id: 3, kind: 'pack-rolled-back', at: 't', packId: 'demo', version: '2.0.0', reason: 'did not start', toPackId: 'demo', toVersion: '1.0.0' });
    await new Promise((r) => setTimeout(r, 0));
    expect(tracked.at(-1)).toEqual(['Pack Rolled Back', { pack_id: 'demo', pack_version: '2.0.0', reason: 'did not start', to_pack_id: 'demo', to_version: '1.0.0' }]);
    expect(acks.at(-1)).toBe(3);
  });

  it('does not acknowledge a notice whose event could not be written', async () => {
    const acks: number[] = [];
    const host = {
      getHostNotices: async () => [{ id: 7, kind: 'pack-import-failed', at: 't', source: 'url', file: 'x.kpack', code: 'io', message: 'm' }],
      ackHostNotices: async (id: number) => void acks.push(id),
      onHostNotice: () => () => undefined,
    } as unknown as KioskApi;
    await forwardHostNotices(host, { track: async () => Promise.reject(new Error('disk full')) });
    expect(acks).toEqual([]);
  });
});
