import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../csv/columns.ts';

describe('the product sheet README', () => {
  it('lists every column name the reader accepts, and which columns are required', async () => {
    const readme = await readFile(new URL('./README.md', import.meta.url), 'utf8');
    for (const info of Object.values(COLUMNS)) {
      const line = readme.split('\n').find((l) => l.startsWith(`| ${info.label['zh-CN']} / ${info.label.en} |`));
      expect(line, info.label.en).toBeDefined();
      for (const alias of info.aliases) expect(line).toContain(`\`${alias}\``);
      expect(line!.includes('| required |')).toBe(Boolean(info.required));
    }
  });
});
