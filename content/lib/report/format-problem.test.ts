import { describe, expect, it } from 'vitest';
import { bi } from './bilingual.ts';
import { formatProblem, formatSummary } from './format-problem.ts';

describe('printing a problem', () => {
  it('shows the file, row, column, message and fix in Chinese and English', () => {
    const text = formatProblem({ severity: 'error', file: 'products.csv', row: 7, column: '价格', message: bi('价格不是数字', 'the price is not a number'), fix: bi('写 12.99', 'write 12.99') });
    expect(text).toContain('products.csv 第 7 行 列「价格」');
    expect(text).toContain('products.csv, row 7, column "价格"');
    expect(text).toContain('怎么改：写 12.99');
    expect(text).toContain('How to fix: write 12.99');
  });

  it('counts errors and warnings', () => {
    const p = { file: 'x', message: bi('a', 'a'), fix: bi('b', 'b') };
    expect(formatSummary([{ ...p, severity: 'error' }, { ...p, severity: 'warning' }, { ...p, severity: 'warning' }])).toBe('1 个错误，2 个提醒 / 1 error, 2 warnings');
  });
});
