// A form the hub refuses: every zod issue of the pack format's own schema as the field's
// path and what to do, in Chinese and English — the words `kiosk-pack validate` uses.
import type { z } from 'zod';
import type { DraftInputError, FieldProblem } from '../../../content/schema/hub-api/console/pack-drafts.ts';
import { DEFAULT_MESSAGE, describeIssue, fieldPath } from '../../../content/lib/report/describe-issue.ts';

const text = (b: { 'zh-CN': string; en: string }) => ({ zh: b['zh-CN'], en: b.en });

/** A refused form: the route answers 400 with `answer` (nothing was saved). */
export class FormRefused extends Error {
  readonly answer: DraftInputError;

  constructor(problems: FieldProblem[]) {
    const first = problems[0];
    super(first ? `${first.field || 'body'}: ${first.message.en}` : 'The form is not valid.');
    this.answer = { error: this.message, code: 'invalid-form', problems };
  }
}

/** Parses a form's body with its schema; a refusal names every field at fault. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, prefix: readonly (string | number)[] = []): z.output<S> {
  const parsed = schema.safeParse(body, { error: () => DEFAULT_MESSAGE });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue): FieldProblem => {
    const described = describeIssue(issue, body);
    const where = [...prefix, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
    return { field: fieldPath(where), path: where, message: text(described.message), fix: text(described.fix) };
  });
  throw new FormRefused(problems);
}
