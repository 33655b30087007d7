// A form the hub refused: each problem (the field's path and what to do, both languages)
// put beside the input it belongs to. The hub reads the form with the pack format's own
// zod schema, so these are the schema's messages, never a copy kept in the console.
import { computed, inject, provide, shallowRef, type InjectionKey } from 'vue';
import { useI18n } from 'vue-i18n';
import type { DraftInputError, FieldProblem } from '../../../../../content/schema/hub-api/console/pack-drafts.ts';
import { DraftInputError as DraftInputErrorSchema } from '../../../../../content/schema/hub-api/console/pack-drafts.ts';
import { ApiError } from '../../api/api-error.ts';
import { inLanguage } from '../pack-format.ts';

export type FieldPath = readonly (string | number)[];

/** The same place whether the hub names it from the form's root or with the form's name first. */
export function pathKey(path: FieldPath, formName?: string): string {
  const inForm = formName && path[0] === formName ? path.slice(1) : path;
  return inForm.map(String).join('.');
}

/** The refusal's problems when a failed call was a refused form (400 with problems), else null. */
export function refusedForm(err: unknown): DraftInputError | null {
  if (!(err instanceof ApiError) || err.status !== 400) return null;
  const parsed = DraftInputErrorSchema.safeParse(err.answer);
  return parsed.success ? parsed.data : null;
}

export interface FormProblems {
  /** The problem at exactly this path, as one sentence (what is wrong, then what to do). */
  at(path: FieldPath): string | null;
  /** Every problem, in the hub's order, for the list above the form. */
  all: Readonly<{ value: readonly { field: string; text: string }[] }>;
  set(problems: readonly FieldProblem[]): void;
  clear(): void;
}

const key: InjectionKey<FormProblems> = Symbol('form-problems');

/** Makes the problems of one form and gives them to the fields inside it. */
export function provideFormProblems(formName?: string): FormProblems {
  const { locale } = useI18n();
  const problems = shallowRef<readonly FieldProblem[]>([]);
  const text = (p: FieldProblem) => {
    const message = inLanguage(p.message, locale.value);
    const fix = inLanguage(p.fix, locale.value);
    return fix && fix !== message ? `${message} — ${fix}` : message;
  };
  const byPath = computed(() => {
    const map = new Map<string, string>();
    for (const p of problems.value) {
      const k = pathKey(p.path, formName);
      if (!map.has(k)) map.set(k, text(p));
    }
    return map;
  });
  const all = computed(() => problems.value.map((p) => ({ field: p.field || '—', text: text(p) })));
  const api: FormProblems = {
    at: (path) => byPath.value.get(pathKey(path)) ?? null,
    all,
    set: (next) => (problems.value = next),
    clear: () => (problems.value = []),
  };
  provide(key, api);
  return api;
}

/** The problems of the form this field is in (none outside a form). */
export function useFormProblems(): Pick<FormProblems, 'at'> {
  return inject(key, null) ?? { at: () => null };
}
