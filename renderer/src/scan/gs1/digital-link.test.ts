import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from './digital-link.ts';

const now = new Date('2026-06-15T12:00:00');

describe('GS1 Digital Link URIs', () => {
  it('reads the GTIN from the GS1 resolver and from any brand domain', () => {
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134352', now)).toEqual({ ok: true, elements: [{ ai: '01', value: '09506000134352' }] });
    expect(parseDigitalLink('http://shop.example.cn/01/09506000134352', now)).toMatchObject({ ok: true, elements: [{ ai: '01', value: '09506000134352' }] });
  });

  it('skips a path prefix of the brand and reads the key qualifiers', () => {
    const result = parseDigitalLink('https://brand.example.com/products/gs1/01/09506000134352/10/ABC%2F123/21/12345', now);
    expect(result).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '10', value: 'ABC/123' },
        { ai: '21', value: '12345' },
      ],
    });
  });

  it('reads data attributes from the query and ignores parameters that are not AIs', () => {
    const result = parseDigitalLink('https://example.com/01/09506000134352/10/LOT1?17=260200&3103=000750&linkType=gs1:pip&utm=x', now);
    expect(result).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '10', value: 'LOT1' },
        { ai: '17', value: '260200' },
        { ai: '3103', value: '000750' },
      ],
    });
  });

  it('pads a GTIN-13 to 14 digits and understands the old short names', () => {
    expect(parseDigitalLink('https://example.com/gtin/9506000134352/lot/A1?exp=261231', now)).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '10', value: 'A1' },
        { ai: '17', value: '261231' },
      ],
    });
  });

  it('is not a Digital Link without a primary key, or with an odd tail', () => {
    expect(parseDigitalLink('https://example.com/', now)).toEqual({ ok: false, problem: 'not-digital-link' });
    expect(parseDigitalLink('https://example.com/about/01', now)).toEqual({ ok: false, problem: 'not-digital-link' });
    expect(parseDigitalLink('https://example.com/01/09506000134352/10', now)).toEqual({ ok: false, problem: 'not-digital-link' });
    expect(parseDigitalLink('ftp://example.com/01/09506000134352', now)).toEqual({ ok: false, problem: 'not-digital-link' });
    expect(parseDigitalLink('not a url', now)).toEqual({ ok: false, problem: 'not-digital-link' });
  });

  it('refuses a Digital Link with a wrong check digit or a broken escape', () => {
    expect(parseDigitalLink('https://example.com/01/09506000134353', now)).toMatchObject({ ok: false, problem: 'bad-check-digit' });
    expect(parseDigitalLink('https://example.com/01/09506000134352/10/%E0%A4%A', now)).toMatchObject({ ok: false, problem: 'bad-value' });
    expect(parseDigitalLink('https://example.com/01/09506000134352?17=261331', now)).toMatchObject({ ok: false, problem: 'bad-date' });
  });
});
