// Reads a JSON file a person edited, and when it is broken says where (line, column)
// and the usual cause: Chinese punctuation, a trailing comma, a missing quote.
import { readFile } from 'node:fs/promises';
import { bi, type Bilingual } from './bilingual.ts';
import type { Problem } from './problem.ts';

export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: Problem };

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

function likelyCause(text: string, position: number | null): Bilingual {
  const near = position === null ? text : text.slice(Math.max(0, position - 2), position + 2);
  if (/[“”‘’，：；【】｛｝]/.test(near)) {
    return bi('这里用了中文标点（“ ” ， ： 等）；JSON 的引号、逗号和冒号必须是英文半角符号', 'Chinese punctuation (“ ” ， ：) was used here; JSON needs plain ASCII quotes, commas and colons');
  }
  if (/,\s*[}\]]/.test(text.slice(Math.max(0, (position ?? 0) - 40), (position ?? text.length) + 2))) {
    return bi('最后一项后面多了一个逗号；删除 } 或 ] 前面的逗号', 'there is a comma after the last item; remove the comma before } or ]');
  }
  return bi('检查这一处附近是否少了引号、逗号或括号', 'look near this place for a missing quote, comma or bracket');
}

/** Parses JSON text; a failure becomes a Problem located in `file`. */
export function parseJsonText(text: string, file: string): JsonRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    let position = match ? Number(match[1]) : null;
    if (position === null) {
      const token = /Unexpected token '(.)'/.exec((error as Error).message)?.[1];
      const at = token ? body.indexOf(token) : -1;
      position = at >= 0 ? at : null;
    }
    const where = position === null ? null : lineAndColumn(body, position);
    const message = where
      ? bi(`JSON 格式错误，在第 ${where.line} 行第 ${where.column} 列附近`, `the JSON is broken near line ${where.line}, column ${where.column}`)
      : bi('JSON 格式错误', 'the JSON is broken');
    return { ok: false, problem: { severity: 'error', file, message, fix: likelyCause(body, position) } };
  }
}

export async function readJsonFile(absPath: string, file: string): Promise<JsonRead> {
  return parseJsonText(await readFile(absPath, 'utf8'), file);
}
