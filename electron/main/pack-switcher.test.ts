import { describe, expect, it } from 'vitest';
import type { ActivePack } from '../common/kiosk-api.ts';
import { PackSwitcher } from './pack-switcher.ts';

const pack = (version: string) => ({ dir: `/packs/demo@${version}`, packId: 'demo', version });

describe('switching packs between shoppers', () => {
  it('activates the first pack at once when nobody is using the kiosk', () => {
    const seen: ActivePack[] = [];
    const s = new PackSwitcher((p) => seen.push(p));
    s.offer(pack('1.0.0'));
    expect(seen).toEqual([{ packId: 'demo', version: '1.0.0', activation: 1, baseUrl: 'pack://active/' }]);
    expect(s.activeDir()).toBe('/packs/demo@1.0.0');
  });

  it('never switches mid-session: the new pack waits for the next idle moment', () => {
    const seen: string[] = [];
    const s = new PackSwitcher((p) => seen.push(p.version));
    s.offer(pack('1.0.0'));
    s.setSessionState('active');
    s.offer(pack('1.1.0'));
    s.offer(pack('1.2.0'));
    expect(seen).toEqual(['1.0.0']);
    expect(s.activeDir()).toBe('/packs/demo@1.0.0');
    s.setSessionState('idle');
    expect(seen).toEqual(['1.0.0', '1.2.0']);
    expect(s.active()?.activation).toBe(2);
  });
});
