import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json-file.ts';

describe('reading JSON a person edited', () => {
  it('reads valid JSON, with or without a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": 1}', 'x.json')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('points at the line and column of a trailing comma and says how to fix it', () => {
    const result = parseJsonText('{\n  "a": 1,\n}\n', 'data/branding.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.file).toBe('data/branding.json');
    expect(result.problem.message.en).toMatch(/line 3, column 1/);
    expect(result.problem.fix.en).toContain('comma');
  });

  it('recognises Chinese quotation marks typed by an input method', () => {
    const result = parseJsonText('{"name": “苹果”}', 'data/products.json');
    expect(!result.ok && result.problem.fix['zh-CN']).toContain('中文标点');
  });
});
