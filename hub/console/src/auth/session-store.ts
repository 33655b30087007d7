// Who is signed in, and the CSRF token every changing request carries.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { ConsoleUser, SignedIn } from '../../../../content/schema/hub-api/console/auth.ts';
import { canSee, type Page } from '../shell/pages.ts';

export const useSessionStore = defineStore('session', () => {
  const current = shallowRef<SignedIn | null>(null);

  const user = computed<ConsoleUser | null>(() => current.value?.user ?? null);
  const csrfToken = computed(() => current.value?.csrfToken ?? null);
  const isAdmin = computed(() => user.value?.role === 'admin');

  function signIn(signedIn: SignedIn): void {
    current.value = signedIn;
  }

  function clear(): void {
    current.value = null;
  }

  function may(page: Page): boolean {
    return user.value !== null && canSee(user.value.role, page);
  }

  return { user, csrfToken, isAdmin, signIn, clear, may };
});
