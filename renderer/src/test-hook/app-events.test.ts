// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { emitAppEvent, installTestHook, recentAppEvents, registerTestProbe } from './app-events.ts';

describe('app events', () => {
  it('records each event with its payload, in order, for window.__kioskTest', () => {
    installTestHook();
    const seen: string[] = [];
    window.addEventListener('kiosk:app-event', (e) => seen.push((e as CustomEvent<{ type: string }>).detail.type));
    emitAppEvent('session-started', { trigger: 'touch' });
    emitAppEvent('admin-opened');
    const [first, second] = window.__kioskTest!.events.slice(-2);
    expect(first).toMatchObject({ type: 'session-started', detail: { trigger: 'touch' } });
    expect(second).toMatchObject({ type: 'admin-opened', detail: {} });
    expect(second!.seq).toBe(first!.seq + 1);
    expect(seen).toEqual(['session-started', 'admin-opened']);
    expect(recentAppEvents()).toBe(window.__kioskTest!.events);
  });

  it('reads a registered probe by name, and null for one nobody registered', async () => {
    let queued = 3;
    registerTestProbe('outbox', async () => ({ queueDepth: queued }));
    expect(await window.__kioskTest!.probe('outbox')).toEqual({ queueDepth: 3 });
    queued = 0;
    expect(await window.__kioskTest!.probe('outbox')).toEqual({ queueDepth: 0 });
    expect(await window.__kioskTest!.probe('nothing-here')).toBeNull();
  });

  it('takes only names and payloads from the catalogue (checked by the compiler)', () => {
    const compileOnly = () => {
      // @ts-expect-error: not an app event
      emitAppEvent('sesion-started', { trigger: 'touch' });
      // @ts-expect-error: a trigger the catalogue does not list
      emitAppEvent('session-started', { trigger: 'telepathy' });
      // @ts-expect-error: this event carries a payload
      emitAppEvent('screen');
      // @ts-expect-error: this event carries none
      emitAppEvent('admin-opened', { extra: 1 });
    };
    expect(compileOnly).toBeTypeOf('function');
  });
});
