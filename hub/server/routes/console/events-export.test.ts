import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { postBatch, testHub, track } from '../../testing/hub-fixture.ts';
import { csvField } from './events-export.ts';

describeEachDatabase('raw events export', (fixture) => {
  it('streams every event of the period as NDJSON and as CSV that Excel opens, page after page', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const messages = Array.from({ length: 1200 }, (_, i) => track('kiosk-aaaa-0001', i + 1, 'Screen Viewed', { screen: i === 5 ? 'offers, "new"' : 'home' }));
    for (let i = 0; i < messages.length; i += 400) await postBatch(t, token, messages.slice(i, i + 400));
    const session = await t.admin();
    const period = `from=${t.clock.now() - 60_000}&to=${t.clock.now() + 60_000}`;
    const ndjson = await t.app.inject({ method: 'GET', url: `/api/events/export?${period}&format=ndjson`, headers: { cookie: session.cookie } });
    expect(ndjson.headers['content-type']).toMatch(/x-ndjson/);
    const lines = ndjson.body.trim().split('\n').map((l) => JSON.parse(l) as { messageId: string });
    expect(lines).toHaveLength(1200);
    expect(new Set(lines.map((l) => l.messageId)).size).toBe(1200);
    const csv = await t.app.inject({ method: 'GET', url: `/api/events/export?${period}&format=csv&event=Screen%20Viewed`, headers: { cookie: session.cookie } });
    expect(csv.body.startsWith('\uFEFFmessage_id,device_id,seq,event')).toBe(true);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(1201);
    expect(csv.body).toContain('"{""screen"":""offers, \\""new\\""""}"');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="events_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"/);
    await t.close();
  });
});

it('never lets a field start a spreadsheet formula', () => {
  expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(csvField('-1')).toBe("'-1");
  expect(csvField('plain')).toBe('plain');
});
