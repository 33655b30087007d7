import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG, KioskConfig } from './kiosk-config.ts';

describe('gestures.model: which hand model touchless control runs', () => {
  it('is the full model unless kiosk.json says otherwise, also when gestures is given without it', () => {
    expect(DEFAULT_KIOSK_CONFIG.gestures.model).toBe('full');
    expect(KioskConfig.parse({ gestures: { enabled: true } }).gestures.model).toBe('full');
  });

  it('may force the lite or the full model', () => {
    expect(KioskConfig.parse({ gestures: { model: 'lite' } }).gestures.model).toBe('lite');
    expect(KioskConfig.parse({ gestures: { enabled: true, model: 'full' } }).gestures).toMatchObject({ enabled: true, model: 'full', click: 'both' });
  });

  it('refuses any other model, naming the field', () => {
    const result = KioskConfig.safeParse({ gestures: { model: 'heavy' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['gestures', 'model']);
  });
});
