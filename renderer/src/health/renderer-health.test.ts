import { describe, expect, it } from 'vitest';
import { RendererHealth } from '../../../electron/common/hub-agent/hub-payloads.ts';
import type { OutboxHealth } from '../events/outbox-health.ts';
import { rendererHealth, usedJsHeapBytes } from './renderer-health.ts';

const outbox: OutboxHealth = {
  queueDepth: 12,
  queueBytes: 9_000,
  budgetBytes: 50_000_000,
  oldestUnsentAgeMs: 4_000,
  lastSuccessAt: 1_790_000_000_000,
  shedTotal: 0,
  quarantinedTotal: 1,
  storagePersisted: true,
  collectorUrl: 'https://hub.example.com/',
  uploader: 'idle',
  lastError: null,
};

describe('renderer health', () => {
  it('is what the host takes: outbox numbers, heap, fps, last interaction in epoch ms, session, scanner', () => {
    const health = rendererHealth({
      outbox,
      jsHeapBytes: 48_000_000,
      fps: 58.2,
      lastActivityAt: 90_000,
      sessionActive: true,
      scanner: 'hid-connected',
      now: { epoch: 1_790_000_100_000, page: 100_000 },
    });
    expect(health).toEqual({
      outbox: { depth: 12, bytes: 9_000, oldestUnsentAgeMs: 4_000, lastSuccessAt: 1_790_000_000_000, shedTotal: 0, quarantinedTotal: 1 },
      jsHeapBytes: 48_000_000,
      fps: 58.2,
      lastInteractionAt: 1_790_000_090_000,
      session: 'active',
      scanner: 'hid-connected',
    });
    expect(RendererHealth.safeParse(health).success).toBe(true);
  });

  it('says nothing it does not know: no outbox, no heap reading, no interaction yet', () => {
    const health = rendererHealth({ outbox: null, jsHeapBytes: null, fps: null, lastActivityAt: 0, sessionActive: false, scanner: 'keyboard', now: { epoch: 1, page: 1 } });
    expect(health).toEqual({ outbox: null, jsHeapBytes: null, fps: null, lastInteractionAt: null, session: 'idle', scanner: 'keyboard' });
    expect(usedJsHeapBytes({} as Performance)).toBeNull();
    expect(usedJsHeapBytes({ memory: { usedJSHeapSize: 1234 } } as unknown as Performance)).toBe(1234);
  });
});
