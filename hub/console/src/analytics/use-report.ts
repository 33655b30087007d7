// One report's data: asked of the hub when its input changes (or the page's refresh
// ticks), an answer that arrives after a newer question is dropped.
import { ref, shallowRef, watch } from 'vue';
import type { HubRoute } from '../../../../content/schema/hub-api/route.ts';
import type { ApiAnswer, ApiInput } from '../api/call-api.ts';
import { useApi } from '../api/use-api.ts';
import { useErrorText } from '../api/use-error-text.ts';

export function useReport<R extends HubRoute>(route: R, input: () => ApiInput<R> | null, tick: () => number = () => 0) {
  const { callApi } = useApi();
  const errorText = useErrorText();
  const data = shallowRef<ApiAnswer<R> | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  let asked = 0;

  const call = callApi as <T extends HubRoute>(route: T, input: ApiInput<T>) => Promise<ApiAnswer<T>>;

  async function load(): Promise<void> {
    const current = input();
    if (current === null) return;
    const mine = ++asked;
    loading.value = true;
    try {
      const answer = await call(route, current);
      if (mine !== asked) return;
      data.value = answer;
      error.value = null;
    } catch (err) {
      if (mine !== asked) return;
      data.value = null;
      error.value = errorText(err);
    } finally {
      if (mine === asked) loading.value = false;
    }
  }

  watch(() => [JSON.stringify(input()), tick()], () => void load(), { immediate: true });
  return { data, error, loading, load };
}
