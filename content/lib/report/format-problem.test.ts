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

  it('writes one language per line: the Chinese line, then the English line', () => {
    const text = formatProblem({ severity: 'warning', file: 'data/products.json', record: 2, id: '6901234567892', field: 'price', message: bi('价格太高', 'the price is very high'), fix: bi('核对价格', 'check the price') });
    expect(text.split('\n')).toEqual([
      '! 提醒  data/products.json 第 2 条 （6901234567892） 字段「price」',
      '! WARNING  data/products.json, record 2, (6901234567892), field "price"',
      '  价格太高',
      '  the price is very high',
      '  → 怎么改：核对价格',
      '  → How to fix: check the price',
    ]);
  });

  it('counts errors and warnings', () => {
    const p = { file: 'x', message: bi('a', 'a'), fix: bi('b', 'b') };
    expect(formatSummary([{ ...p, severity: 'error' }, { ...p, severity: 'warning' }, { ...p, severity: 'warning' }])).toBe('1 个错误，2 个提醒\n1 error, 2 warnings');
  });
});
