import { expect, it } from 'vitest';
import { CONSOLE_API, PUBLIC_API } from '../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../store/testing/each-database.ts';
import { postBatch, testHub, track, T0 } from '../testing/hub-fixture.ts';

describeEachDatabase('the tracking plan', (fixture) => {
  it('is served without a credential, with a JSON Schema per event and a validator for caches', async () => {
    const t = await testHub(await fixture.open());
    const res = await t.call(PUBLIC_API.trackingPlan);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.version).toMatch(/^\d+\.\d+$/);
    expect(plan.events['Coupon Issued'].properties.required).toContain('token');
    expect(plan.events['Barcode Scanned'].description).toMatch(/scanned text itself is never sent/);
    const again = await t.app.inject({ method: 'GET', url: '/v1/tracking-plan', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    await t.close();
  });

  it('keeps an event that breaks the plan, flags it, and shows why in the console', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const res = await postBatch(t, token, [
      track('kiosk-aaaa-0001', 1, 'Session Started', { trigger: 'touch' }),
      track('kiosk-aaaa-0001', 2, 'Session Started', { trigger: 'touch', phone: '13800000000' }),
      track('kiosk-aaaa-0001', 3, 'Game Started', { game_id: 'wheel', game_kind: 'pinball', difficulty: 'easy', duration_sec: 30 }),
      track('kiosk-aaaa-0001', 4, 'Shelf Photographed', {}),
    ]);
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const stored = await t.hub.store.db.selectFrom('events').select(['seq', 'plan_problem']).orderBy('seq').execute();
    expect(stored).toEqual([
      { seq: 1, plan_problem: null },
      { seq: 2, plan_problem: 'properties not in the plan: phone' },
      { seq: 3, plan_problem: expect.stringMatching(/^game_kind: /) },
      { seq: 4, plan_problem: '"Shelf Photographed" is not an event of the tracking plan' },
    ]);
    const problems = await t.call(CONSOLE_API.planProblems, { query: { from: T0 - 86_400_000, to: T0 + 86_400_000 } }, { session: await t.admin() });
    expect(problems.json().problems.map((p: { event: string; problem: string; count: number }) => `${p.event}: ${p.problem} ×${p.count}`)).toEqual([
      expect.stringMatching(/^Game Started: game_kind: .* ×1$/),
      'Session Started: properties not in the plan: phone ×1',
      'Shelf Photographed: "Shelf Photographed" is not an event of the tracking plan ×1',
    ]);
    await t.close();
  });
});
