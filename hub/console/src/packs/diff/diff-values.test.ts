import { describe, expect, it } from 'vitest';
import { formatValue, type ValueWords } from './diff-values.ts';

const words: ValueWords = { notSet: 'not set', yes: 'yes', no: 'no', weekday: (d) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1]!, seconds: (n) => `${n} s` };
const f = (field: string, value: unknown, locale = 'en') => formatValue(field, value, locale, locale, words);

describe('a changed value in the diff', () => {
  it('writes prices in yuan and odds in percent, whatever the path', () => {
    expect(f('reward.amount', 1500)).toBe('¥15.00');
    expect(f('price', 990)).toBe('¥9.90');
    expect(f('awards.catch-fruit.odds', 0.25)).toBe('25%');
    expect(f('dailyCapPerKiosk', 1200)).toBe('1,200');
  });

  it('writes days, lists, texts and nothing the way a merchandiser reads them', () => {
    expect(f('days', [1, 2, 6])).toBe('Mon Tue Sat');
    expect(f('games', ['catch-fruit', 'lucky-wheel'])).toBe('catch-fruit, lucky-wheel');
    expect(f('games', [])).toBe('not set');
    expect(f('validTo', undefined)).toBe('not set');
    expect(f('title', { 'zh-CN': '春季', en: 'Spring' })).toBe('Spring');
    expect(f('title', { 'zh-CN': '春季', en: 'Spring' }, 'zh-CN')).toBe('春季');
    expect(f('durationMs', 8000)).toBe('8 s');
    expect(f('items', [{ kind: 'image', src: 'media/a.png', durationMs: 6000 }])).toBe('kind: image, src: media/a.png, durationMs: 6000');
  });

  it('writes a date-time in the reader’s way, not as ISO text', () => {
    const shown = f('validTo', '2027-01-31T23:59:59+08:00');
    expect(shown).not.toContain('T23');
    expect(shown).toMatch(/2027/);
  });
});
