// Validates data against a schema from content/schema and reports every issue as a
// Problem that names the file, the record and the field.
import type { z } from 'zod';
import { bi } from './bilingual.ts';
import { DEFAULT_MESSAGE, describeIssue } from './describe-issue.ts';
import type { Located, Problem, Where } from './problem.ts';

export interface Checked<T> {
  value: T | undefined;
  problems: Problem[];
}

/**
 * Validates one value; `where.field` (if any) is prefixed to each issue's field.
 * `written` is the value as the file holds it, when `data` was tidied before checking
 * (barcodes padded to 14 digits): messages quote what the merchandiser wrote.
 */
export function checkValue<S extends z.ZodType>(schema: S, data: unknown, where: Where, written: unknown = data): Checked<z.output<S>> {
  const result = schema.safeParse(data, { error: () => DEFAULT_MESSAGE });
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const text = describeIssue(issue, written, schema);
    const field = [where.field, text.field].filter(Boolean).join('.') || undefined;
    return { severity: 'error', ...where, field, message: text.message, fix: text.fix };
  });
  return { value: undefined, problems };
}

const recordId = (data: unknown, idKey: string): string | undefined => {
  if (data === null || typeof data !== 'object') return undefined;
  const id = (data as Record<string, unknown>)[idKey];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
};

/**
 * Validates a JSON list record by record, so one bad record does not hide the others
 * and each problem says which record (position from 1 and its id, as written) it is
 * about. `prepare` tidies a record before it is checked (e.g. pads barcodes).
 */
export function checkList<S extends z.ZodType>(
  element: S,
  data: unknown,
  file: string,
  idKey = 'id',
  prepare: (record: unknown) => unknown = (record) => record,
): { records: Located<z.output<S>>[]; problems: Problem[] } {
  if (!Array.isArray(data)) {
    return {
      records: [],
      problems: [
        {
          severity: 'error',
          file,
          message: bi('文件内容应是一个列表 [ … ]', 'the file should hold a list [ … ]'),
          fix: bi('把所有记录放在方括号 [ ] 里，用逗号隔开', 'put the records inside square brackets [ ], separated by commas'),
        },
      ],
    };
  }
  const records: Located<z.output<S>>[] = [];
  const problems: Problem[] = [];
  data.forEach((item, index) => {
    const where: Where = { file, record: index + 1, id: recordId(item, idKey) };
    const checked = checkValue(element, prepare(item), where, item);
    if (checked.value !== undefined) records.push({ value: checked.value, where });
    problems.push(...checked.problems);
  });
  return { records, problems };
}
