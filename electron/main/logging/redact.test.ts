import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from './redact.ts';

describe('redaction', () => {
  it('replaces what could be a scanned code, a person or a secret, and keeps what an operator reads', () => {
    expect(redactText('pack spring@2.0.0 is active; renderer gone: crashed (exit code 139)')).toBe('pack spring@2.0.0 is active; renderer gone: crashed (exit code 139)');
    expect(redactText('load of app://kiosk/index.html failed')).toBe('load of app://kiosk/index.html failed');
    expect(redactText('the poll of https://packs.example.com/sh-001/current.kpack?key=abc answered 503')).toBe('the poll of https://packs.example.com/… answered 503');
    expect(redactText('scanned 12345678 and 0012345678905')).toBe('scanned [digits] and [digits]');
    expect(redactText('restarted on 2026-12-07 at 04:30')).toBe('restarted on 2026-12-07 at 04:30');
    expect(redactText('write key Basic a2lvc2s6c2VjcmV0')).toBe('write key Basic [secret]');
  });

  it('drops fields by name, turns binary into a marker and keeps an error’s kind', () => {
    const err = Object.assign(new Error('hash of media/9780201379624.jpg is wrong'), { code: 'hash-mismatch' });
    expect(redactValue({ barcode: 'ABC-123', camera: 'available', pixels: new Uint8ClampedArray(8), nested: { rawValue: 'x', ok: 1 }, err })).toEqual({
      barcode: '[redacted]',
      camera: 'available',
      pixels: '[redacted]',
      nested: { rawValue: '[redacted]', ok: 1 },
      err: { type: 'Error', message: 'hash of media/[digits].jpg is wrong', stack: expect.any(String), code: 'hash-mismatch' },
    });
    expect(redactValue({ picture: 'x', blob: new ArrayBuffer(4) })).toEqual({ picture: '[redacted]', blob: '[binary]' });
  });
});
