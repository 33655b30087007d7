import { describe, expect, it } from 'vitest';
import { createHidPosAssembler } from './hid-pos-report.ts';

/** A 61-byte HID-POS scanned-data report. */
function report(data: string, options: { symbology?: string; more?: boolean } = {}): DataView {
  const bytes = new Uint8Array(61);
  const encoded = new TextEncoder().encode(data);
  bytes[0] = encoded.length;
  const sym = options.symbology ?? ']E0';
  for (let i = 0; i < 3; i++) bytes[1 + i] = sym.charCodeAt(i) || 0;
  bytes.set(encoded, 4);
  bytes[60] = options.more ? 1 : 0;
  return new DataView(bytes.buffer);
}

describe('HID-POS scanner reports', () => {
  it('reads a code and its symbology identifier from one report', () => {
    const assembler = createHidPosAssembler();
    expect(assembler.push(report('6901234567892'))).toEqual({ text: '6901234567892', symbologyId: ']E0' });
  });

  it('joins a long GS1 DataMatrix split over several reports', () => {
    const assembler = createHidPosAssembler();
    const long = `0109501101530003172612311012345678901234567890\u001d21${'S'.repeat(20)}`;
    expect(assembler.push(report(long.slice(0, 56), { symbology: ']d2', more: true }))).toBeNull();
    expect(assembler.push(report(long.slice(56), { symbology: ']d2' }))).toEqual({ text: long, symbologyId: ']d2' });
  });

  it('reads a symbology identifier sent without its "]"', () => {
    const assembler = createHidPosAssembler();
    expect(assembler.push(report('96385074', { symbology: 'E4\u0000' }))).toMatchObject({ symbologyId: ']E4' });
    expect(assembler.push(report('96385074', { symbology: '\u0000\u0000\u0000' }))).toMatchObject({ symbologyId: null });
  });

  it('ignores empty and truncated reports and caps an endless one', () => {
    const assembler = createHidPosAssembler(100);
    expect(assembler.push(report(''))).toBeNull();
    expect(assembler.push(new DataView(new Uint8Array(3).buffer))).toBeNull();
    let result = null;
    for (let i = 0; i < 5 && !result; i++) result = assembler.push(report('7'.repeat(56), { more: true }));
    expect(result?.text.length).toBe(112);
  });
});
