// Turns one zod issue into words a merchandiser can act on: which field, what is wrong
// (with the value they typed) and how to fix it, in Chinese and English.
import type { z } from 'zod';
import { gs1CheckDigit } from '../../schema/gtin.ts';
import { LocalizedText } from '../../schema/localized.ts';
import { MinorUnits } from '../../schema/primitives.ts';
import { bi, listOf, shown, type Bilingual } from './bilingual.ts';
import { fieldsOf, schemaAt } from './schema-at.ts';
import { SCHEMA_MESSAGES } from './schema-messages.ts';

/** The message zod gives when the schema has no message of its own (see `parseWithProblems`). */
export const DEFAULT_MESSAGE = '\u0000default';

export interface IssueText {
  field: string;
  message: Bilingual;
  fix: Bilingual;
}

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** `awards[1].game`: object keys joined with dots, list positions counted from 1. */
export function fieldPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key + 1}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const TYPE_NAMES: Record<string, Bilingual> = {
  string: bi('文字', 'text'),
  number: bi('数字', 'a number'),
  int: bi('整数', 'a whole number'),
  boolean: bi('true 或 false', 'true or false'),
  array: bi('列表 [ … ]', 'a list [ … ]'),
  object: bi('一组设置', 'a group of settings'),
  null: bi('null', 'null'),
};

function typeName(name: string): Bilingual {
  return TYPE_NAMES[name] ?? bi(name, name);
}

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A wrong GTIN check digit: say which digit it should be. */
function checkDigitFix(value: unknown): Bilingual | null {
  if (typeof value !== 'string' || !/^\d{8,14}$/.test(value)) return null;
  const expected = gs1CheckDigit(value.slice(0, -1));
  const corrected = value.slice(0, -1) + String(expected);
  return bi(
    `按前面的数字，最后一位应是 ${expected}（即 ${corrected}）；请对照商品包装核对整个条码`,
    `from the other digits the last digit should be ${expected} (${corrected}); check the whole barcode against the package`,
  );
}

function sizeWords(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, value: unknown): Bilingual {
  const small = issue.code === 'too_small';
  const limit = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    if (small && Number(limit) <= 1) return bi('是空的', 'is empty');
    return small
      ? bi(`太短：至少要 ${limit} 个字符`, `is too short: at least ${limit} characters`)
      : bi(`太长：最多 ${limit} 个字符`, `is too long: at most ${limit} characters`);
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const have = Array.isArray(value) ? value.length : 0;
    return small
      ? bi(`至少需要 ${limit} 项，现在有 ${have} 项`, `needs at least ${limit} items, has ${have}`)
      : bi(`最多 ${limit} 项，现在有 ${have} 项`, `allows at most ${limit} items, has ${have}`);
  }
  return small
    ? bi(`不能小于 ${limit}（现在是 ${shown(value)}）`, `must be at least ${limit} (now ${shown(value)})`)
    : bi(`不能大于 ${limit}（现在是 ${shown(value)}）`, `must be at most ${limit} (now ${shown(value)})`);
}

const lastKey = (path: readonly PathKey[]): string => String([...path].reverse().find((k) => typeof k === 'string') ?? '');

/** A number typed as text: "12,50" (a decimal comma) or "12.50" (quoted). */
const DECIMAL_COMMA = /^\s*(\d+),(\d{1,2})\s*$/;
const QUOTED_NUMBER = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/;

/** A price (in fen in JSON) written some other way: the fen figure it should be, or null. */
function fenFor(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && !Number.isInteger(value) ? Math.round(value * 100) : null;
  if (typeof value !== 'string') return null;
  const match = DECIMAL_COMMA.exec(value) ?? QUOTED_NUMBER.exec(value);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

function moneyText(value: unknown): { message: Bilingual; fix: Bilingual } | null {
  const fen = fenFor(value);
  if (fen === null) return null;
  const yuan = `¥${(fen / 100).toFixed(2)}`;
  const comma = typeof value === 'string' && DECIMAL_COMMA.test(value);
  return {
    message: comma
      ? bi(`价格 ${shown(value)} 用逗号表示小数，而且 JSON 里的价格要写成整数（分）`, `the price ${shown(value)} uses a comma for the decimals, and prices in JSON are whole numbers (fen)`)
      : bi(`价格 ${shown(value)} 要写成以“分”为单位的整数`, `the price ${shown(value)} must be a whole number of fen`),
    fix:
      typeof value === 'string'
        ? bi(`写 ${fen}（${yuan} = ${fen} 分），不加引号${comma ? '；小数要用小数点，不用逗号' : ''}`, `write ${fen} (${yuan} is ${fen} fen), without quotes${comma ? '; decimals take a dot, not a comma' : ''}`)
        : bi(`写 ${fen}（${yuan} = ${fen} 分）`, `write ${fen} (${yuan} is ${fen} fen)`),
  };
}

/** A missing or mistyped field, in words about what belongs there. */
function wrongTypeText(issue: Extract<Issue, { code: 'invalid_type' }>, value: unknown, target: z.ZodType | undefined): { message: Bilingual; fix: Bilingual } {
  const key = lastKey(issue.path);
  const missing = value === undefined;
  if (target === LocalizedText) {
    const example = typeof value === 'string' && value.trim() ? value.trim().slice(0, 20) : '中文';
    const json = `{"zh-CN": "${example}", "en": "English"}`;
    return {
      message: missing ? bi('没有填写', 'is missing') : bi(`要分别写中文和英文，现在是 ${shown(value)}`, `needs its Chinese and English text written separately, found ${shown(value)}`),
      fix: bi(`写成 ${json}（中文必填，英文可以不填）`, `write it as ${json} (Chinese is required, English is optional)`),
    };
  }
  if (target === MinorUnits && !missing) {
    const money = moneyText(value);
    if (money) return money;
  }
  if (issue.expected === 'object') {
    const { required } = fieldsOf(target);
    const parts = listOf(required.map((k) => `"${k}"`));
    const holds = parts ? bi(`，里面要写 ${parts}`, ` holding ${parts}`) : bi('', '');
    return {
      message: missing ? bi('没有填写', 'is missing') : bi(`应是一组设置${holds['zh-CN']}，现在是${typeName(typeOfValue(value))['zh-CN']} ${shown(value)}`, `should be a group of settings${holds.en}, found ${typeName(typeOfValue(value)).en} ${shown(value)}`),
      fix: bi(`${missing ? '添加' : '改写'} "${key}"${holds['zh-CN']}（可以参照 kiosk-pack init 生成的示例）`, `${missing ? 'add' : 'rewrite'} "${key}"${holds.en} (see the example pack kiosk-pack init makes)`),
    };
  }
  if ((issue.expected === 'number' || issue.expected === 'int') && typeof value === 'string') {
    const comma = DECIMAL_COMMA.exec(value);
    const quoted = QUOTED_NUMBER.exec(value);
    if (comma) {
      const dotted = `${comma[1]}.${comma[2]}`;
      return { message: bi(`数字 ${shown(value)} 用逗号表示小数`, `the number ${shown(value)} uses a comma for the decimals`), fix: bi(`小数请用小数点，不加引号：${dotted}`, `use a dot for the decimals, without quotes: ${dotted}`) };
    }
    if (quoted) return { message: bi(`数字 ${shown(value)} 写在了引号里，成了文字`, `the number ${shown(value)} is in quotes, which makes it text`), fix: bi(`去掉引号：${value.trim()}`, `remove the quotes: ${value.trim()}`) };
  }
  return genericTypeText(issue, value);
}

function genericTypeText(issue: Extract<Issue, { code: 'invalid_type' }>, value: unknown): { message: Bilingual; fix: Bilingual } {
  const expected = typeName(issue.expected);
  if (value === undefined) return { message: bi('没有填写', 'is missing'), fix: bi(`请填写${expected['zh-CN']}`, `add ${expected.en}`) };
  const got = typeName(typeOfValue(value));
  return {
    message: bi(`应是${expected['zh-CN']}，现在是${got['zh-CN']} ${shown(value)}`, `should be ${expected.en}, found ${got.en} ${shown(value)}`),
    fix: bi(`改成${expected['zh-CN']}`, `change it to ${expected.en}`),
  };
}

function genericText(issue: Issue, value: unknown, target: z.ZodType | undefined): { message: Bilingual; fix: Bilingual } {
  switch (issue.code) {
    case 'invalid_type':
      return wrongTypeText(issue, value, target);
    case 'too_small':
    case 'too_big':
      return { message: sizeWords(issue, value), fix: bi('按上面的要求修改', 'change it as described above') };
    case 'invalid_format': {
      const message = bi(`格式不对：${shown(value)}`, `is not in the right format: ${shown(value)}`);
      if (issue.format === 'url') return { message, fix: bi('写完整的网址，以 https:// 开头', 'write a full address starting with https://') };
      if (issue.format === 'includes' && 'includes' in issue) {
        return { message, fix: bi(`要包含 "${String(issue.includes)}"`, `it must contain "${String(issue.includes)}"`) };
      }
      return { message, fix: bi('对照示例检查拼写和格式', 'check the spelling and format against an example') };
    }
    case 'invalid_value': {
      const values = listOf(issue.values.map((v) => JSON.stringify(v)));
      return { message: bi(`不能是 ${shown(value)}`, `cannot be ${shown(value)}`), fix: bi(`只能是：${values}`, `use one of: ${values}`) };
    }
    case 'unrecognized_keys':
      return {
        message: bi(`有不认识的字段：${listOf(issue.keys)}`, `has unknown field(s): ${listOf(issue.keys)}`),
        fix: bi('检查字段名的拼写（区分大小写），或者删除它', 'check the spelling of the field name (it is case-sensitive) or remove it'),
      };
    case 'invalid_union': {
      if ('options' in issue && Array.isArray(issue.options)) {
        const options = listOf(issue.options.map((o) => JSON.stringify(o)));
        return { message: bi(`类型 ${shown(value)} 不认识`, `the type ${shown(value)} is not known`), fix: bi(`只能是：${options}`, `use one of: ${options}`) };
      }
      return { message: bi('内容不符合任何一种允许的写法', 'matches none of the allowed forms'), fix: bi('对照示例检查这一项', 'compare this entry with an example') };
    }
    case 'invalid_key':
      return { message: bi('有一个键（名称）写得不对', 'has a key (name) that is not valid'), fix: bi('对照示例检查名称', 'check the names against an example') };
    default:
      return { message: bi(`值 ${shown(value)} 不对`, `the value ${shown(value)} is not valid`), fix: bi('对照示例检查这一项', 'compare this entry with an example') };
  }
}

/**
 * `root` is the value as the file holds it (so a barcode is quoted as written);
 * `schema`, when given, lets the words say what belongs at the field.
 */
export function describeIssue(issue: Issue, root: unknown, schema?: z.ZodType): IssueText {
  const value = valueAt(root, issue.path);
  const path = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0] as string] : issue.path;
  const field = fieldPath(path);
  const target = schema && schemaAt(schema, issue.path);
  const generic = genericText(issue, value, target);
  if (issue.message === DEFAULT_MESSAGE) return { field, ...generic };

  const money = target === MinorUnits && issue.code !== 'too_small' ? moneyText(value) : null;
  if (money) return { field, ...money };
  const known = SCHEMA_MESSAGES[issue.message];
  const missing = value === undefined && issue.code === 'invalid_type';
  const fix = (issue.code === 'custom' && checkDigitFix(value)) || known?.fix || bi(issue.message, issue.message);
  const message = missing ? generic.message : (known?.message ?? generic.message);
  return { field, message, fix };
}
