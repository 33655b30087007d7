import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidGtin } from '../../../../content/schema/gtin.ts';
import { findTestdata, missingTestdata } from '../../../../test/support/testdata.ts';
import { expandUpcE } from './upce.ts';

const UPCE_IMAGES = 'barcodes/upce';

describe('UPC-E expansion', () => {
  it('follows the GS1 rule for each last data digit', () => {
    // d6 0–2: manufacturer d1 d2 d6 00, item 00 d3 d4 d5
    expect(expandUpcE('04252614')).toEqual({ ok: true, upca: '042100005264' });
    expect(expandUpcE('01200003')).toEqual({ ok: true, upca: expect.stringMatching(/^01200000000\d$/) });
    // d6 3: manufacturer d1 d2 d3 00, item 000 d4 d5
    expect(expandUpcE('0123453')).toEqual({ ok: true, upca: expect.stringMatching(/^01230000045\d$/) });
    // d6 4: manufacturer d1–d4 0, item 0000 d5
    expect(expandUpcE('0123454')).toEqual({ ok: true, upca: expect.stringMatching(/^01234000005\d$/) });
    // d6 5–9: manufacturer d1–d5, item 0000 d6
    expect(expandUpcE('01234565')).toEqual({ ok: true, upca: '012345000065' });
    expect(expandUpcE('1234569')).toEqual({ ok: true, upca: expect.stringMatching(/^12345600009\d$/) });
  });

  it('gives a UPC-A whose check digit is the UPC-E check digit', () => {
    const result = expandUpcE('04252614');
    expect(result.ok && isValidGtin(result.upca)).toBe(true);
    expect(expandUpcE('04252615')).toEqual({ ok: false, problem: 'bad-check-digit' });
  });

  it('accepts the bare six data digits as number system 0', () => {
    expect(expandUpcE('425261')).toEqual({ ok: true, upca: '042100005264' });
  });

  it('refuses what is not a UPC-E', () => {
    // Number system 2, nine digits, a letter, nothing, five digits.
    for (const bad of ['24252614', '042526141', '04252A14', '', '12345']) expect(expandUpcE(bad), bad).toEqual({ ok: false, problem: 'not-upce' });
  });

  it('expands every UPC-E of the ZXing test images to a valid UPC-A', (ctx) => {
    const dir = findTestdata(UPCE_IMAGES);
    if (!dir) return ctx.skip(missingTestdata([UPCE_IMAGES])!);
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.includes('metadata'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const code = readFileSync(path.join(dir, file), 'utf8').trim();
      const result = expandUpcE(code);
      expect(result.ok, `${file}: ${code}`).toBe(true);
      if (result.ok) expect(isValidGtin(result.upca)).toBe(true);
    }
  });
});
