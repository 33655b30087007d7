import { describe, expect, it } from 'vitest';
import { GS } from './element-string.ts';
import { MAX_SCAN_LENGTH, normaliseScan, type ScanOutcome } from './normalise-scan.ts';

const now = new Date('2026-06-15T12:00:00');
const scan = (text: string, hints: { format?: string; symbologyId?: string } = {}) => normaliseScan({ text, ...hints }, { now });
const keys = (outcome: ScanOutcome) => (outcome.recognised ? outcome.candidates.map((c) => c.key) : []);

describe('retail codes → GTIN-14', () => {
  it('turns an EAN-13 into its GTIN-14', () => {
    expect(scan('6901234567892')).toEqual({ recognised: true, symbology: null, candidates: [{ key: '06901234567892', codeType: 'ean-13', details: {} }] });
  });

  it('turns an EAN-8 and a UPC-A into GTIN-14', () => {
    expect(scan('96385074', { format: 'EAN8' })).toMatchObject({ recognised: true, candidates: [{ key: '00000096385074', codeType: 'ean-8' }] });
    expect(scan('042100005264')).toMatchObject({ recognised: true, candidates: [{ key: '00042100005264', codeType: 'upc-a' }] });
  });

  it('expands a UPC-E, whether it arrives as 8 digits or already expanded by the decoder', () => {
    expect(scan('04252614', { format: 'UPCE' })).toMatchObject({ candidates: [{ key: '00042100005264', codeType: 'upc-e' }] });
    // zxing-wasm 3 reports a UPC-E as its 13-digit expansion.
    expect(scan('0042100005264', { format: 'UPCE' })).toMatchObject({ candidates: [{ key: '00042100005264', codeType: 'upc-e' }] });
    expect(scan('425261', { format: 'UPCE' })).toMatchObject({ candidates: [{ key: '00042100005264' }] });
  });

  it('tries both readings of an 8-digit code sent without a hint, EAN-8 first', () => {
    // 04252614 is a valid UPC-E and not a valid EAN-8.
    expect(keys(scan('04252614'))).toEqual(['00042100005264']);
    // 96385074 is a valid EAN-8 and not a UPC-E (number system 9).
    expect(keys(scan('96385074'))).toEqual(['00000096385074']);
    // ]E4 says EAN-8: no UPC-E reading.
    expect(scan('04252614', { symbologyId: ']E4' })).toMatchObject({ recognised: false, reason: 'bad-check-digit', codeType: 'ean-8' });
  });

  it('keeps a GTIN-14 and drops an EAN add-on', () => {
    expect(keys(scan('19501101530000'))).toEqual(['19501101530000']);
    expect(keys(scan('690123456789212'))).toEqual(['06901234567892']);
    expect(keys(scan('690123456789212345'))).toEqual(['06901234567892']);
  });

  it('reads a scanner that sends the AIM identifier and a line ending', () => {
    expect(scan(']E06901234567892\r\n')).toMatchObject({ recognised: true, symbology: ']E0', candidates: [{ key: '06901234567892' }] });
  });

  it('refuses wrong check digits with a reason, not a guess', () => {
    for (const bad of ['6901234567893', '96385075', '042100005265', '19501101530001']) expect(scan(bad), bad).toMatchObject({ recognised: false, reason: 'bad-check-digit' });
    expect(scan('04252615', { format: 'UPCE' })).toMatchObject({ recognised: false, reason: 'bad-check-digit', codeType: 'upc-e' });
  });
});

describe('GS1 element strings from GS1-128 and GS1 DataMatrix', () => {
  it('reads GTIN, batch, expiry (day 00 = end of month) and serial from a GS1 DataMatrix', () => {
    const outcome = scan(`010950110153000317260200${'10'}LOT-42${GS}21SN0001`, { format: 'DataMatrix', symbologyId: ']d2' });
    expect(outcome).toEqual({
      recognised: true,
      symbology: ']d2',
      candidates: [
        {
          key: '09501101530003',
          codeType: 'gs1-datamatrix',
          details: { expiry: { iso: '2026-02-28', endOfMonth: true }, batch: 'LOT-42', serial: 'SN0001' },
        },
      ],
    });
  });

  it('reads the human-readable form a decoder or a person may give', () => {
    expect(scan('(01)09501101530003(15)261231(10)B7', { format: 'Code128', symbologyId: ']C1' })).toMatchObject({
      recognised: true,
      candidates: [{ key: '09501101530003', codeType: 'gs1-128', details: { bestBefore: { iso: '2026-12-31', endOfMonth: false }, batch: 'B7' } }],
    });
  });

  it('reads GS1 data from a wedge scanner that sends the identifier in front', () => {
    expect(scan(`]C1010950110153000310ABC${GS}3103001250`)).toMatchObject({
      candidates: [{ key: '09501101530003', codeType: 'gs1-128', details: { batch: 'ABC', weight: { value: 1.25, unit: 'kg' } } }],
    });
  });

  it('recognises GS1 data sent with no identifier at all', () => {
    expect(scan('0109501101530003172612313922199')).toMatchObject({
      candidates: [{ key: '09501101530003', codeType: 'gs1', details: { expiry: { iso: '2026-12-31' }, price: { value: 1.99, unit: 'major' } } }],
    });
  });

  it('says "no product" for GS1 data without a GTIN (a pallet label)', () => {
    expect(scan('00195011015300000000', { symbologyId: ']C1' })).toMatchObject({ recognised: false, reason: 'no-product', codeType: 'gs1-128' });
  });

  it('says "bad GS1" when GS1 data breaks the rules', () => {
    expect(scan('168901', { format: 'Code128', symbologyId: ']C1' })).toMatchObject({ recognised: false, reason: 'bad-gs1' });
    expect(scan('(01)09501101530003(17)261331')).toMatchObject({ recognised: false, reason: 'bad-gs1' });
    expect(scan(`0109501101530004${GS}10A`)).toMatchObject({ recognised: false, reason: 'bad-gs1' });
  });
});

describe('QR codes', () => {
  it('reads a GS1 Digital Link from any domain without going online', () => {
    expect(scan('https://qr.brand.example/01/09506000134352/10/ABC/21/123?17=270100', { format: 'QRCode' })).toMatchObject({
      recognised: true,
      candidates: [{ key: '09506000134352', codeType: 'digital-link', details: { batch: 'ABC', serial: '123', expiry: { iso: '2027-01-31', endOfMonth: true } } }],
    });
  });

  it('does not treat an ordinary web link, a Wi-Fi code or text as a product', () => {
    expect(scan('https://www.example.com/promo?id=5', { format: 'QRCode' })).toMatchObject({ recognised: false, reason: 'not-a-product-code', codeType: 'url' });
    expect(scan('WIFI:T:WPA;S:shop;P:secret;;', { format: 'QRCode' })).toMatchObject({ recognised: false, reason: 'not-a-product-code', codeType: 'text' });
    expect(scan('欢迎光临', { format: 'QRCode' })).toMatchObject({ recognised: false, reason: 'not-a-product-code' });
    expect(scan('BEGIN:VCARD\nFN:Someone\nEND:VCARD', { format: 'QRCode' })).toMatchObject({ recognised: false, reason: 'not-a-product-code' });
  });
});

describe('in-store variable-measure codes', () => {
  it('looks up the item with the price zeroed and shows the price', () => {
    expect(scan('2012345012509')).toEqual({
      recognised: true,
      symbology: null,
      candidates: [
        { key: '02012345000001', codeType: 'variable-measure', details: { price: { value: 1250, unit: 'minor' } } },
        { key: '02012345012509', codeType: 'ean-13', details: {} },
      ],
    });
  });

  it('treats a UPC-A of number system 2 (prefix 02) the same way', () => {
    const upcA = scan('212345012505');
    expect(upcA).toMatchObject({ candidates: [{ codeType: 'variable-measure', details: { price: { value: 1250 } } }, { codeType: 'upc-a' }] });
    expect(keys(upcA)).toEqual(keys(scan('0212345012505')));
  });

  it('follows a store layout that puts the weight in grams', () => {
    const outcome = normaliseScan({ text: '2812345017500' }, { now, variableMeasure: [{ prefix: '28', itemDigits: 5, measure: 'weight' }] });
    expect(outcome).toMatchObject({ candidates: [{ codeType: 'variable-measure', details: { weight: { value: 1.75, unit: 'kg' } } }, {}] });
  });
});

describe('store codes', () => {
  it('passes a store SKU or PLU through as written', () => {
    expect(scan('PLU-4131', { format: 'Code128' })).toMatchObject({ candidates: [{ key: 'PLU-4131', codeType: 'store-code' }] });
    expect(scan('4011')).toMatchObject({ candidates: [{ key: '4011', codeType: 'store-code' }] });
  });
});

describe('hostile input', () => {
  it('refuses 10 kB of garbage at once', () => {
    let seed = 7;
    const garbage = Array.from({ length: 10_240 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)).join('');
    const started = performance.now();
    expect(scan(garbage)).toMatchObject({ recognised: false, reason: 'too-long' });
    expect(scan('1'.repeat(MAX_SCAN_LENGTH + 1))).toMatchObject({ recognised: false, reason: 'too-long' });
    expect(scan(`(01)${'9'.repeat(10_000)}`)).toMatchObject({ recognised: false, reason: 'too-long' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses control characters but accepts the GS separator and a CR/LF ending', () => {
    expect(scan('6901234567892\u0000')).toMatchObject({ recognised: false, reason: 'unreadable' });
    expect(scan('690123\u001b[2J4567892')).toMatchObject({ recognised: false, reason: 'unreadable' });
    expect(scan('\u0007\u0008')).toMatchObject({ recognised: false, reason: 'unreadable' });
    expect(scan('6901234567892\u0085')).toMatchObject({ recognised: false, reason: 'unreadable' });
    expect(scan('6901234567892\r\n')).toMatchObject({ recognised: true });
  });

  it('says "empty" for nothing at all', () => {
    expect(scan('')).toMatchObject({ recognised: false, reason: 'empty' });
    expect(scan(' \r\n\t ')).toMatchObject({ recognised: false, reason: 'empty' });
    expect(scan(']E0')).toMatchObject({ recognised: false, reason: 'empty', symbology: ']E0' });
  });

  it('never turns odd text into something that could break a lookup', () => {
    for (const text of ["'; DROP TABLE products;--", '<script>alert(1)</script>', '../../etc/passwd', '{"a":1}', '\u202e6901234567892', '６９０１２３４５６７８９２', '%00', '😀']) {
      expect(scan(text), text).toMatchObject({ recognised: false });
    }
    // Codes that look like object keys are still plain strings; the catalog guards its own lookups.
    expect(scan('__proto__')).toMatchObject({ candidates: [{ key: '__proto__', codeType: 'store-code' }] });
    expect(scan('9'.repeat(49))).toMatchObject({ recognised: false, reason: 'not-a-product-code' });
  });
});
