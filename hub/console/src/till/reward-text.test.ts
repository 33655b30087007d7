import { describe, expect, it } from 'vitest';
import { createConsoleI18n } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { rewardText, type Reward } from './reward-text.ts';

function say(reward: Reward, locale: 'zh-CN' | 'en'): string {
  const i18n = createConsoleI18n(locale).global;
  return rewardText(reward, (key, named) => i18n.t(key, named ?? {}), (v, d) => formatNumber(v, locale, d));
}

describe('a coupon’s reward in words', () => {
  it('says percent off as 折 in Chinese and as “% off” in English', () => {
    expect(say({ kind: 'percent-off', value: 10 }, 'zh-CN')).toBe('9折');
    expect(say({ kind: 'percent-off', value: 10 }, 'en')).toBe('10% off');
    expect(say({ kind: 'percent-off', value: 15 }, 'zh-CN')).toBe('8.5折');
    expect(say({ kind: 'percent-off', value: 15 }, 'en')).toBe('15% off');
    expect(say({ kind: 'percent-off', value: 50 }, 'zh-CN')).toBe('5折');
  });

  it('says an amount off in yuan from fen', () => {
    expect(say({ kind: 'amount-off', value: 1000 }, 'zh-CN')).toBe('立减 ¥10');
    expect(say({ kind: 'amount-off', value: 1000 }, 'en')).toBe('¥10 off');
    expect(say({ kind: 'amount-off', value: 1050 }, 'en')).toBe('¥10.50 off');
    expect(say({ kind: 'amount-off', value: 500_000 }, 'zh-CN')).toBe('立减 ¥5,000');
  });

  it('says a gift', () => {
    expect(say({ kind: 'gift', value: 0 }, 'zh-CN')).toBe('赠品');
    expect(say({ kind: 'gift', value: 0 }, 'en')).toBe('free gift');
  });
});
