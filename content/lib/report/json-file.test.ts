import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonText, tooDeepAt } from './json-file.ts';

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

describe('JSON nested too deeply', () => {
  it('names the file, the depth and where it starts, instead of overflowing the checks', () => {
    const text = `{"games": [${'['.repeat(10_000)}1${']'.repeat(10_000)}]}`;
    const result = parseJsonText(text, 'data/games.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ severity: 'error', file: 'data/games.json' });
    expect(result.problem.message.en).toBe('the JSON is too deeply nested: 10002 levels of brackets (at most 64), too deep from line 1, column 74');
    expect(result.problem.message['zh-CN']).toContain('JSON 嵌套太深：括号套了 10002 层');
  });

  it('does not count brackets inside text, and lets ordinary pack data through', () => {
    expect(tooDeepAt(JSON.stringify({ note: '['.repeat(500), escaped: '\\"[[[[' }))).toBeNull();
    expect(tooDeepAt(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBeNull();
    expect(tooDeepAt(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`)).toMatchObject({ depth: MAX_JSON_DEPTH + 1 });
  });
});
