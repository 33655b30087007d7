import { expect, it } from 'vitest';
import { KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { CONSOLE_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { testHub } from '../../testing/hub-fixture.ts';

const kioskBody = (deviceId: string) => ({ deviceId, kioskName: 'Window 1', appVersion: '0.1.0', platform: 'linux', couponKey: null });

describeEachDatabase('POST /v1/enrol', (fixture) => {
  it('enrols one kiosk with a one-time code, typed with or without its dash, and never a second', async () => {
    const t = await testHub(await fixture.open());
    const session = await t.admin();
    const made = await t.call(CONSOLE_API.createEnrolmentSecret, { body: { kind: 'code', storeId: 'sh-002', kioskName: null, validHours: 24 } }, { session });
    const { secret } = made.json() as { secret: string };
    expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const first = await t.call(KIOSK_API.enrol, { body: kioskBody('kiosk-aaaa-0001') }, { bearer: secret.replace('-', '').toLowerCase() });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ deviceId: 'kiosk-aaaa-0001', storeId: 'sh-002', kioskName: 'Window 1', token: expect.stringMatching(/^kt_/) });
    const second = await t.call(KIOSK_API.enrol, { body: kioskBody('kiosk-bbbb-0002') }, { bearer: secret });
    expect(second.statusCode).toBe(401);
    expect(second.json().error).toMatch(/wrong, used or expired/);
    const list = await t.call(CONSOLE_API.enrolmentSecrets, {}, { session });
    expect(list.json().secrets).toMatchObject([{ kind: 'code', storeId: 'sh-002', uses: 1 }]);
    expect(list.body).not.toContain(secret);
    await t.close();
  });

  it('enrols many kiosks with a roll-out token until it expires, and a re-enrolled kiosk loses its old credential', async () => {
    const t = await testHub(await fixture.open());
    const session = await t.admin();
    const { secret } = (await t.call(CONSOLE_API.createEnrolmentSecret, { body: { kind: 'token', storeId: 'sh-001', kioskName: null, validHours: 1 } }, { session })).json() as { secret: string };
    const a = (await t.call(KIOSK_API.enrol, { body: kioskBody('kiosk-aaaa-0001') }, { bearer: secret })).json() as { token: string };
    const b = await t.call(KIOSK_API.enrol, { body: kioskBody('kiosk-bbbb-0002') }, { bearer: secret });
    expect(b.statusCode).toBe(200);
    const again = (await t.call(KIOSK_API.enrol, { body: kioskBody('kiosk-aaaa-0001') }, { bearer: secret })).json() as { token: string };
    expect(again.token).not.toBe(a.token);
    const heartbeat = { query: { waitSec: 0 } };
    expect((await t.call(KIOSK_API.commands, heartbeat, { kiosk: a.token })).statusCode).toBe(401);
    expect((await t.call(KIOSK_API.commands, heartbeat, { kiosk: again.token })).statusCode).toBe(200);
    t.clock.advance(3_600_001);
    expect((await t.call(KIOSK_API.enrol, { body: kioskBody('kiosk-cccc-0003') }, { bearer: secret })).statusCode).toBe(401);
    const audit = (await t.call(CONSOLE_API.audit, { query: { limit: 50 } }, { session })).json().entries as { action: string }[];
    expect(audit.filter((e) => e.action === 'kiosk.enrolled')).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain(secret);
    await t.close();
  });

  it('wants the code in the Authorization header, before it reads the body', async () => {
    const t = await testHub(await fixture.open());
    const res = await t.call(KIOSK_API.enrol, { body: kioskBody('kiosk-aaaa-0001') });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'no-enrolment-secret' });
    await t.close();
  });
});
