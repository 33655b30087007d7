// The API client, provided once by main.ts (and by the tests with a fake fetch).
import { inject, type InjectionKey } from 'vue';
import type { ApiClient } from './call-api.ts';

export const apiKey: InjectionKey<ApiClient> = Symbol('hub-api');

export function useApi(): ApiClient {
  const client = inject(apiKey);
  if (!client) throw new Error('the API client is not provided (see main.ts)');
  return client;
}
