// One form of a draft: its own copy of the data to edit, saved with the form's route.
// A refusal puts the hub's problems beside their fields; nothing is saved then.
import { ref, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { DraftRow } from '../../../../../content/schema/hub-api/console/pack-drafts.ts';
import type { HubRoute } from '../../../../../content/schema/hub-api/route.ts';
import type { ApiInput } from '../../api/call-api.ts';
import { useApi } from '../../api/use-api.ts';
import { useErrorText } from '../../api/use-error-text.ts';
import { provideFormProblems, refusedForm } from './form-problems.ts';

export function useDraftForm<T>(options: {
  route: HubRoute;
  draftId: () => string;
  /** The saved data; edited in a copy, taken again when it changes (after another save). */
  source: () => T;
  formName: string;
  onSaved: (draft: DraftRow) => void;
}) {
  const { callApi } = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const problems = provideFormProblems(options.formName);
  const model = ref(structuredClone(options.source())) as Ref<T>;
  const saving = ref(false);
  const saved = ref(false);
  const error = shallowRef<string | null>(null);

  /** The data as last taken from the draft: "Saved" stays up when the draft is read again after a save. */
  let taken = JSON.stringify(model.value);
  watch(options.source, (next) => {
    model.value = structuredClone(next);
    taken = JSON.stringify(next);
  });
  watch(
    model,
    () => {
      if (JSON.stringify(model.value) !== taken) saved.value = false;
    },
    { deep: true },
  );

  const call = callApi as (route: HubRoute, input: ApiInput<HubRoute>) => Promise<unknown>;

  async function save(): Promise<void> {
    saving.value = true;
    error.value = null;
    problems.clear();
    try {
      // Plain JSON: what the form holds, without Vue's proxies.
      const body = JSON.parse(JSON.stringify(model.value)) as unknown;
      const draft = (await call(options.route, { params: { id: options.draftId() }, body } as ApiInput<HubRoute>)) as DraftRow;
      saved.value = true;
      options.onSaved(draft);
    } catch (err) {
      const refused = refusedForm(err);
      if (refused) {
        problems.set(refused.problems);
        error.value = t('builder.form.refused', { n: refused.problems.length }, refused.problems.length);
      } else error.value = errorText(err);
    } finally {
      saving.value = false;
    }
  }

  return { model, save, saving, saved, error, problems };
}
