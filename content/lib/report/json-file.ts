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

/** Pack data is a few levels deep; anything past this is a mistake or an attack, and would overflow the checks. */
export const MAX_JSON_DEPTH = 64;

/** Where `text` first nests deeper than `max` brackets (outside strings) and how deep it goes, or null. */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): { position: number; depth: number } | null {
  let depth = 0;
  let deepest = 0;
  let position = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest) deepest = depth;
      if (depth > max && position < 0) position = i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return position < 0 ? null : { position, depth: deepest };
}

/** Parses JSON text; a failure becomes a Problem located in `file`. */
export function parseJsonText(text: string, file: string): JsonRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = tooDeepAt(body);
  if (deep) {
    const at = lineAndColumn(body, deep.position);
    return {
      ok: false,
      problem: {
        severity: 'error',
        file,
        message: bi(
          `JSON 嵌套太深：括号套了 ${deep.depth} 层（最多 ${MAX_JSON_DEPTH} 层），从第 ${at.line} 行第 ${at.column} 列开始超出`,
          `the JSON is too deeply nested: ${deep.depth} levels of brackets (at most ${MAX_JSON_DEPTH}), too deep from line ${at.line}, column ${at.column}`,
        ),
        fix: bi('内容包的数据只有几层；检查这里是否多了成串的 [ 或 {，或者文件是否被别的程序改坏了', 'pack data is only a few levels deep: look for a run of extra [ or { here, or a file another program damaged'),
      },
    };
  }
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
