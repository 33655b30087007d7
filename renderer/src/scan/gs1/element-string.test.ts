import { describe, expect, it } from 'vitest';
import { GS, parseHriElementString, parseRawElementString } from './element-string.ts';

const now = new Date('2026-06-15T12:00:00');

describe('GS1 element strings as transmitted', () => {
  it('reads fixed-length fields run together and variable ones ended by FNC1 (GS)', () => {
    // GS1 General Specifications example: GTIN, expiry, batch, then serial after an FNC1.
    const result = parseRawElementString(`0109501101530003172612311012AB${GS}21XYZ-789`, now);
    expect(result).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '09501101530003' },
        { ai: '17', value: '261231' },
        { ai: '10', value: '12AB' },
        { ai: '21', value: 'XYZ-789' },
      ],
    });
  });

  it('lets the last variable field run to the end and ignores a leading FNC1 or one after a fixed field', () => {
    const result = parseRawElementString(`${GS}0109501101530003${GS}3103000750${GS}10LOT7`, now);
    expect(result).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '09501101530003' },
        { ai: '3103', value: '000750' },
        { ai: '10', value: 'LOT7' },
      ],
    });
  });

  it('refuses an unknown AI, a short fixed field, a bad check digit, a bad date and a too-long batch', () => {
    expect(parseRawElementString('0409501101530003', now)).toMatchObject({ ok: false, problem: 'unknown-ai' });
    expect(parseRawElementString('01095011015300', now)).toMatchObject({ ok: false, problem: 'truncated', ai: '01' });
    expect(parseRawElementString('0109501101530004', now)).toMatchObject({ ok: false, problem: 'bad-check-digit', ai: '01' });
    expect(parseRawElementString('0109501101530003172613 1', now)).toMatchObject({ ok: false });
    expect(parseRawElementString('0109501101530003172602 30', now)).toMatchObject({ ok: false });
    expect(parseRawElementString('010950110153000317260230', now)).toMatchObject({ ok: false, problem: 'bad-date', ai: '17' });
    expect(parseRawElementString(`0109501101530003${'10' + 'A'.repeat(21)}`, now)).toMatchObject({ ok: false, problem: 'bad-value', ai: '10' });
  });

  it('refuses the same AI twice with different values, tolerates an exact repeat', () => {
    expect(parseRawElementString(`0109501101530003${GS}0109506000134352`, now)).toMatchObject({ ok: false, problem: 'conflicting-ai' });
    expect(parseRawElementString(`0109501101530003${GS}0109501101530003`, now)).toMatchObject({ ok: true, elements: [{ ai: '01' }] });
  });

  it('reads a fixed field followed by a GS inside it as truncated, not as data', () => {
    expect(parseRawElementString(`01095011${GS}01530003`, now)).toMatchObject({ ok: false, problem: 'truncated' });
  });
});

describe('GS1 element strings in human-readable form', () => {
  it('reads "(AI)value" fields, with or without spaces', () => {
    const expected = {
      ok: true,
      elements: [
        { ai: '01', value: '09501101530003' },
        { ai: '17', value: '260200' },
        { ai: '10', value: 'AB-123' },
      ],
    };
    expect(parseHriElementString('(01)09501101530003(17)260200(10)AB-123', now)).toEqual(expected);
    expect(parseHriElementString(' (01) 09501101530003 (17) 260200 (10) AB-123 ', now)).toEqual(expected);
  });

  it('keeps a "(" inside a batch when what follows is not an AI', () => {
    expect(parseHriElementString('(01)09501101530003(10)A(B)1', now)).toMatchObject({ ok: true, elements: [{ ai: '01' }, { ai: '10', value: 'A(B)1' }] });
  });

  it('refuses unknown AIs and broken values', () => {
    expect(parseHriElementString('(04)09501101530003', now)).toMatchObject({ ok: false, problem: 'unknown-ai' });
    expect(parseHriElementString('(01)0950110153000', now)).toMatchObject({ ok: false, problem: 'bad-value' });
    expect(parseHriElementString('(17)261331', now)).toMatchObject({ ok: false, problem: 'bad-date' });
    expect(parseHriElementString('(01)09501101530003junk', now)).toMatchObject({ ok: false, problem: 'bad-value' });
  });
});
