import { expect, it } from 'vitest';
import { CONSOLE_API } from '../../../../content/schema/hub-api/index.ts';
import { createSetupToken } from '../../../store/queries/accounts.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { sha256 } from '../../auth/secrets.ts';
import { sessionOf, testHub } from '../../testing/hub-fixture.ts';

describeEachDatabase('console sign-in', (fixture) => {
  it('makes the first admin once through the set-up link, with an HttpOnly SameSite=Strict session', async () => {
    const t = await testHub(await fixture.open());
    await createSetupToken(t.hub.store, { tokenHash: sha256('link-1'), now: t.clock.now(), expiresAt: t.clock.now() + 60_000 });
    expect((await t.call(CONSOLE_API.setupCheck, { params: { token: 'link-1' } })).json()).toEqual({ valid: true });
    const res = await t.call(CONSOLE_API.setup, { body: { token: 'link-1', username: 'li.na', password: 'long enough pass' } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/hub_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    expect(res.json()).toMatchObject({ user: { username: 'li.na', role: 'admin' } });
    const again = await t.call(CONSOLE_API.setup, { body: { token: 'link-1', username: 'other', password: 'long enough pass' } });
    expect(again.statusCode).toBe(403);
    expect((await t.call(CONSOLE_API.setupCheck, { params: { token: 'link-1' } })).json()).toEqual({ valid: false });
    const stored = await t.hub.store.db.selectFrom('users').select(['password_hash']).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain('long enough pass');
    await t.close();
  });

  it('locks an account after five wrong passwords, even against the right one, until the lock ends', async () => {
    const t = await testHub(await fixture.open());
    await t.admin();
    const login = (password: string) => t.call(CONSOLE_API.login, { body: { username: 'admin', password } });
    for (let i = 0; i < 5; i++) expect((await login('wrong password')).statusCode).toBe(401);
    const locked = await login('correct horse battery');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatch(/locked until/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    t.clock.advance(15 * 60_000 + 1);
    const ok = await login('correct horse battery');
    expect(ok.statusCode).toBe(200);
    await t.close();
  }, 30_000);

  it('says the same for an unknown name as for a wrong password', async () => {
    const t = await testHub(await fixture.open());
    await t.admin();
    const unknown = await t.call(CONSOLE_API.login, { body: { username: 'nobody', password: 'whatever it is' } });
    const wrong = await t.call(CONSOLE_API.login, { body: { username: 'admin', password: 'whatever it is' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    await t.close();
  });

  it('refuses a change without the session CSRF token, and every data route without a session', async () => {
    const t = await testHub(await fixture.open());
    const session = await t.admin();
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/enrolment', headers: { cookie: session.cookie, 'content-type': 'application/json' }, payload: { kind: 'code', storeId: 'sh-001' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error).toMatch(/CSRF/);
    for (const [method, url] of [['GET', '/api/kiosks'], ['GET', '/api/users'], ['GET', '/api/audit'], ['GET', '/api/alerts'], ['GET', '/api/stores'], ['GET', '/api/me'], ['GET', '/api/commands/x/screenshot']] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    await t.close();
  });

  it('lets only admins manage accounts; a store manager sees only their stores', async () => {
    const t = await testHub(await fixture.open());
    const admin = await t.admin();
    await t.enrol('kiosk-aaaa-0001', 'sh-001');
    await t.enrol('kiosk-bbbb-0002', 'sh-002');
    const made = await t.call(CONSOLE_API.createUser, { body: { username: 'wang', password: 'store manager pw', role: 'store-manager', storeIds: ['sh-002'] } }, { session: admin });
    expect(made.statusCode).toBe(200);
    const manager = sessionOf(await t.call(CONSOLE_API.login, { body: { username: 'wang', password: 'store manager pw' } }));
    expect((await t.call(CONSOLE_API.users, {}, { session: manager })).statusCode).toBe(403);
    const fleet = (await t.call(CONSOLE_API.fleet, {}, { session: manager })).json().kiosks as { deviceId: string }[];
    expect(fleet.map((k) => k.deviceId)).toEqual(['kiosk-bbbb-0002']);
    expect((await t.call(CONSOLE_API.kiosk, { params: { deviceId: 'kiosk-aaaa-0001' } }, { session: manager })).statusCode).toBe(404);
    const disabled = await t.call(CONSOLE_API.updateUser, { params: { id: made.json().id }, body: { disabled: true } }, { session: admin });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await t.call(CONSOLE_API.fleet, {}, { session: manager })).statusCode).toBe(401);
    const actions = ((await t.call(CONSOLE_API.audit, { query: { limit: 100 } }, { session: admin })).json().entries as { action: string; actor: string }[]).map((e) => `${e.actor} ${e.action}`);
    expect(actions).toContain('user:admin user.created');
    expect(actions).toContain('user:admin user.changed');
    await t.close();
  });
});
