// Reads the files tills and the backend hand to the coupon tools: a JSON value, a JSON
// list, or JSON Lines (one record a line, as event exports usually are).
import { readFile } from 'node:fs/promises';
import { bi } from '../lib/report/bilingual.ts';
import { UserError } from '../lib/report/user-error.ts';

export async function readRecords(file: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UserError(bi(`无法读取文件：${file}`, `cannot read the file: ${file}`), bi('检查文件路径', 'check the path'), { cause });
  }
  return parseRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
}

export function parseRecords(text: string, file: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) ? value : [value];
  } catch {
    // Not one JSON value: JSON Lines.
  }
  const records: unknown[] = [];
  const lines = trimmed.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch (cause) {
      throw new UserError(
        bi(`${file} 第 ${index + 1} 行不是有效的 JSON`, `${file} line ${index + 1} is not valid JSON`),
        bi('文件应为一个 JSON 列表，或每行一条 JSON 记录（JSON Lines）', 'the file must be one JSON list, or one JSON record per line (JSON Lines)'),
        { cause },
      );
    }
  }
  return records;
}
