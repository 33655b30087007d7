// What the packs end-to-end tests share: the people who use the console (the first
// admin, a merchandiser), the one price the changed demo pack differs in, setting up a
// hub for store sh-001 with the demo pack's keys trusted, signing in, and a real kiosk
// (the renderer in browser mode) enrolled with that hub.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { publicPart } from '../../content/lib/keys/key-files.ts';
import { testKey } from '../../content/lib/testing/sample-pack.ts';
import { CSRF_HEADER } from '../../content/schema/hub-api/console/auth.ts';
import { BUILT_CONSOLE_DIR, type RunningHub } from '../../hub/server/start-hub.ts';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';
import { appEvents, demoPackDir, expect, rendererDir, repo, waitForAppEvent } from './fixtures.ts';

export const ADMIN = { username: 'li.na', password: 'a long admin password' };
export const MERCHANDISER = { username: 'mei', password: 'a long merchandiser password' };
/** 赣南脐橙 Gannan navel oranges: ¥15.80 in the demo pack, ¥16.80 in the one uploaded here. */
export const ORANGE = { ean: '6921568001022', before: 1580, after: 1680, zh: '赣南脐橙', en: 'Gannan navel oranges' };
/** The built demo pack as a merchandiser uploads it: the .kpack beside the unpacked pack kiosks serve (dist/packs/demo.kpack, or KIOSK_E2E_PACK + ".kpack"). */
export const DEMO_KPACK = `${demoPackDir}.kpack`;
/** The console the hub serves: the shared build, or one of the test's own (KIOSK_E2E_CONSOLE). */
export const CONSOLE_DIR = process.env.KIOSK_E2E_CONSOLE ?? BUILT_CONSOLE_DIR;

export interface AdminSession {
  api: APIRequestContext;
  csrf: string;
}

/** Signs in on the API as `who`; the answer's CSRF token goes with every change. */
export async function apiAs(hubUrl: string, who: { username: string; password: string }): Promise<AdminSession> {
  const api = await playwrightRequest.newContext({ baseURL: hubUrl });
  const res = await api.post('/api/login', { data: who });
  expect(res.status(), await res.text()).toBe(200);
  return { api, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function ok(res: Promise<APIResponse>): Promise<APIResponse> {
  const r = await res;
  expect(r.status(), await r.text()).toBe(200);
  return r;
}

/**
 * The first admin (in the browser, on the set-up page), then on the API: store sh-001
 * open 09:00–21:00, the merchandiser, and the keys of the demo pack and of the hostile
 * test archives trusted. Returns the admin's API session and an enrolment token.
 */
export async function setUp(page: Page, hub: RunningHub): Promise<{ admin: APIRequestContext; csrf: string; token: string }> {
  await page.goto(hub.setupUrl!);
  await page.getByTestId('setup-username').fill(ADMIN.username);
  await page.getByTestId('setup-password').fill(ADMIN.password);
  await page.getByTestId('setup-password-again').fill(ADMIN.password);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('menu')).toBeVisible();

  const { api, csrf } = await apiAs(hub.url, ADMIN);
  const headers = { [CSRF_HEADER]: csrf };
  const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '09:00', close: '21:00' }]]));
  await ok(api.put('/api/stores/sh-001', { headers, data: { name: '静安店', timezone: 'Asia/Shanghai', hours, holidays: [] } }));
  await ok(api.post('/api/users', { headers, data: { ...MERCHANDISER, role: 'merchandiser', storeIds: null } }));
  // The demo pack's key, and the key the hostile test archives are signed with.
  const demoKey = JSON.parse(await readFile(path.join(repo, 'content', 'demo', 'keys', 'demo-public-key.json'), 'utf8')) as unknown;
  await ok(api.post('/api/pack-keys', { headers, data: demoKey }));
  await ok(api.post('/api/pack-keys', { headers, data: publicPart(await testKey()) }));
  return { admin: api, csrf, token: await enrolmentToken({ api, csrf }) };
}

/** A new enrolment token for store sh-001. */
export async function enrolmentToken(admin: AdminSession): Promise<string> {
  const made = await ok(admin.api.post('/api/enrolment', { headers: { [CSRF_HEADER]: admin.csrf }, data: { kind: 'token', storeId: 'sh-001' } }));
  return ((await made.json()) as { secret: string }).secret;
}

/** Uploads a .kpack on the API (as a script would); returns the hub's id for it. */
export async function uploadPack(admin: AdminSession, file: string): Promise<string> {
  const res = await ok(admin.api.post('/api/packs', { headers: { [CSRF_HEADER]: admin.csrf, 'content-type': 'application/octet-stream' }, data: await readFile(file) }));
  return ((await res.json()) as { pack: { id: string } }).pack.id;
}

export async function signIn(page: Page, hubUrl: string, who: { username: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${hubUrl}/console/login`);
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('menu')).toBeVisible();
}

export interface EnrolledKioskOptions {
  kioskName: string;
  token: string;
  /** Seconds between two heartbeats (15 at the least). */
  heartbeatSec?: number;
  /** The kiosk's idle settings (how soon a shopper who walked away is gone). */
  idle?: { timeoutSec: number; warningSec: number };
}

/** The real kiosk in browser mode in store sh-001, running the demo pack, opened in `page` and enrolled with the hub. */
export async function openEnrolledKiosk(page: Page, hub: RunningHub, o: EnrolledKioskOptions): Promise<KioskWebServer> {
  const kiosk = await startKioskWebServer({
    rendererDir,
    packDir: demoPackDir,
    config: {
      storeId: 'sh-001',
      kioskName: o.kioskName,
      hub: { url: hub.url, enrolmentToken: o.token, heartbeatSec: o.heartbeatSec ?? 15 },
      ...(o.idle ? { idle: o.idle } : {}),
    },
    connectOrigins: [new URL(hub.url).origin],
  });
  await page.goto(kiosk.url);
  await waitForAppEvent(page, 'app-ready', {}, 0, 30_000);
  expect(await appEvents(page, 'pack-error'), 'the kiosk shows the demo pack').toEqual([]);
  await waitForAppEvent(page, 'hub-status', { state: 'enrolled' }, 0, 30_000);
  return kiosk;
}
