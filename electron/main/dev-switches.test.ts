import { describe, expect, it } from 'vitest';
import { devSwitches, ignoredSwitchesMessage } from './dev-switches.ts';

const ALL = { KIOSK_WINDOW: '1080x1920', KIOSK_DATA_DIR: '/tmp/other-kiosk', KIOSK_CONFIG: '/tmp/other.json', KIOSK_DEVTOOLS: '1' };

describe('development switches', () => {
  it('are honoured in a development run', () => {
    expect(devSwitches(ALL, false)).toEqual({ windowed: '1080x1920', dataDir: '/tmp/other-kiosk', configFile: '/tmp/other.json', devTools: true, ignored: [] });
  });

  it('are ignored by an installed kiosk, which says which ones it ignored', () => {
    const switches = devSwitches(ALL, true);
    expect(switches).toEqual({ windowed: undefined, dataDir: undefined, configFile: undefined, devTools: false, ignored: ['KIOSK_WINDOW', 'KIOSK_DATA_DIR', 'KIOSK_CONFIG', 'KIOSK_DEVTOOLS'] });
    expect(ignoredSwitchesMessage(switches)).toBe(
      'ignoring KIOSK_WINDOW, KIOSK_DATA_DIR, KIOSK_CONFIG, KIOSK_DEVTOOLS: an installed kiosk uses them only with KIOSK_DEV=1 (and never opens devtools)',
    );
  });

  it('are honoured by an installed kiosk with KIOSK_DEV=1, except devtools', () => {
    const switches = devSwitches({ ...ALL, KIOSK_DEV: '1' }, true);
    expect(switches).toMatchObject({ windowed: '1080x1920', dataDir: '/tmp/other-kiosk', configFile: '/tmp/other.json', devTools: false, ignored: ['KIOSK_DEVTOOLS'] });
    expect(devSwitches({ ...ALL, KIOSK_DEV: 'yes' }, true).dataDir).toBeUndefined();
  });

  it('leave an installed kiosk with none set quiet', () => {
    expect(ignoredSwitchesMessage(devSwitches({ HOME: '/home/kiosk' }, true))).toBeNull();
    expect(devSwitches({ KIOSK_WINDOW: '' }, false).windowed).toBeUndefined();
  });
});
