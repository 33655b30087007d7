import { describe, expect, it } from 'vitest';
import { aiAt, aiDefinition, isPredefinedLength } from './ai-table.ts';

describe('GS1 Application Identifier table', () => {
  it('knows the lengths GS1 gives the AIs a product label uses', () => {
    expect(aiDefinition('01')).toMatchObject({ minLength: 14, maxLength: 14, checkDigit: true });
    expect(aiDefinition('10')).toMatchObject({ minLength: 1, maxLength: 20, checkDigit: false });
    expect(aiDefinition('17')).toMatchObject({ minLength: 6, maxLength: 6, date: 'yymmdd' });
    expect(aiDefinition('21')).toMatchObject({ minLength: 1, maxLength: 20 });
    expect(aiDefinition('3103')).toMatchObject({ minLength: 6, maxLength: 6 });
    expect(aiDefinition('3922')).toMatchObject({ minLength: 1, maxLength: 15 });
    expect(aiDefinition('421')).toMatchObject({ minLength: 4, maxLength: 12 });
    expect(aiDefinition('8200')).toMatchObject({ maxLength: 70 });
  });

  it('has no AIs that GS1 does not define', () => {
    for (const ai of ['04', '14', '18', '19', '23', '317', '3170', '3380', '3580', '5', '999', '7000']) expect(aiDefinition(ai), ai).toBeUndefined();
  });

  it('checks the character set of each field', () => {
    expect(aiDefinition('01')!.pattern.test('0950110153000A')).toBe(false);
    expect(aiDefinition('10')!.pattern.test('AB-12/3.x')).toBe(true);
    expect(aiDefinition('10')!.pattern.test('AB 12')).toBe(false); // space is not in CSET 82
    expect(aiDefinition('10')!.pattern.test('批次')).toBe(false);
    expect(aiDefinition('421')!.pattern.test('156ABC')).toBe(true);
    expect(aiDefinition('421')!.pattern.test('15ABC')).toBe(false); // needs three digits of country first
  });

  it('reads 2, 3 and 4 digit AIs at a position and is prefix-free', () => {
    expect(aiAt('0109501101530003', 0)?.ai).toBe('01');
    expect(aiAt('x4220156', 1)?.ai).toBe('422');
    expect(aiAt('3103000195', 0)?.ai).toBe('3103');
    expect(aiAt('7003', 0)?.ai).toBe('7003');
    expect(aiAt('55', 0)).toBeUndefined();
    expect(aiAt('0', 0)).toBeUndefined();
    // No AI is the start of a longer one, so the first match is the only match.
    const all = Array.from({ length: 10_000 }, (_, n) => [String(n).padStart(2, '0'), String(n).padStart(3, '0'), String(n).padStart(4, '0')]).flat();
    const defined = [...new Set(all)].filter((ai) => aiDefinition(ai));
    expect(defined.length).toBeGreaterThan(200);
    const clashes = defined.filter((ai) => [2, 3].some((len) => len < ai.length && aiDefinition(ai.slice(0, len))));
    expect(clashes).toEqual([]);
  });

  it('knows which AIs need no FNC1 after them', () => {
    expect(isPredefinedLength('01')).toBe(true);
    expect(isPredefinedLength('17')).toBe(true);
    expect(isPredefinedLength('3103')).toBe(true);
    expect(isPredefinedLength('10')).toBe(false);
    expect(isPredefinedLength('21')).toBe(false);
    expect(isPredefinedLength('422')).toBe(false);
  });
});
