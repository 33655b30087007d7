// What people do in the hub's console, step by step, for the end-to-end tests that
// drive it: the first admin, a store, an enrolment token for a kiosk.
import { expect, type Page } from '@playwright/test';

/** Opens the one-time set-up link and creates the first admin; ends on the (empty) fleet page. */
export async function setUpAdmin(page: Page, setupUrl: string): Promise<void> {
  await page.goto(setupUrl);
  await page.getByTestId('setup-username').fill('li.na');
  await page.getByTestId('setup-password').fill('a long admin password');
  await page.getByTestId('setup-password-again').fill('a long admin password');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('fleet-empty')).toBeVisible();
}

/** Adds a store on the Stores page (09:00–21:00 every day in Shanghai unless changed). */
export async function addStore(page: Page, storeId: string, name: string): Promise<void> {
  await page.getByTestId('menu-stores').click();
  await page.getByTestId('store-add').click();
  await page.getByTestId('store-id').fill(storeId);
  await page.getByTestId('store-name').fill(name);
  await page.getByTestId('store-save').click();
  await expect(page.getByTestId('store-saved')).toBeVisible();
  await expect(page.getByTestId('store-row').filter({ hasText: name })).toBeVisible();
}

/** Adds the store, makes an enrolment token for it and returns the token as shown, once. */
export async function makeToken(page: Page, storeId: string, storeName = '静安店'): Promise<string> {
  await addStore(page, storeId, storeName);
  await page.getByTestId('menu-enrolment').click();
  await page.getByTestId('enrolment-kind-token').check();
  await page.getByTestId('enrolment-store').selectOption(storeId);
  await page.getByTestId('enrolment-create').click();
  const secret = (await page.getByTestId('enrolment-secret').textContent())!.trim();
  expect(secret).toMatch(/^et_/);
  return secret;
}
