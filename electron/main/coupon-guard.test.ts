import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import { CouponGuard } from './coupon-guard.ts';

const temp = await makeTempDir('kiosk-coupon-guard-');
afterAll(() => temp.remove());
await mkdir(path.join(temp.dir, 'data'), { recursive: true });
const campaign = {
  id: 'ten-off',
  name: { 'zh-CN': '满59减10' },
  reward: { kind: 'amount-off', amount: 1000, minSpend: 5900, title: { 'zh-CN': '满59减10' } },
  validFrom: '2026-01-01T00:00:00+08:00',
  validTo: '2027-01-01T00:00:00+08:00',
  couponValidDays: 7,
  dailyCapPerKiosk: 3,
  inventoryPerKiosk: 100,
  awards: [{ game: 'wheel', odds: 0.2 }],
};
await writeFile(path.join(temp.dir, 'data', 'campaigns.json'), JSON.stringify([campaign]));

const claim = { campaignId: 'ten-off', reward: { kind: 'amount-off' as const, value: 1000 }, validHours: 168 };

describe('coupon guard', () => {
  let now = new Date('2026-11-23T10:00:00+08:00');
  const guard = () => new CouponGuard({ activePack: () => ({ dir: temp.dir, activation: 1 }), now: () => now });

  it('signs what the active pack can award', async () => {
    expect(await guard().admit(claim)).toBeNull();
  });

  it('refuses a campaign the pack does not have, a richer reward, a longer validity', async () => {
    const g = guard();
    expect(await g.admit({ ...claim, campaignId: 'free-tv' })).toMatch(/not in the active content pack/);
    expect(await g.admit({ ...claim, reward: { kind: 'amount-off', value: 100_000 } })).toMatch(/does not match/);
    expect(await g.admit({ ...claim, validHours: 24 * 365 })).toMatch(/does not match/);
  });

  it('refuses a campaign outside its dates', async () => {
    now = new Date('2027-02-01T10:00:00+08:00');
    expect(await guard().admit(claim)).toMatch(/not running/);
    now = new Date('2026-11-23T10:00:00+08:00');
  });

  it('holds the daily cap and a human pace', async () => {
    const g = guard();
    for (let i = 0; i < 3; i++) expect(await g.admit(claim)).toBeNull();
    expect(await g.admit(claim)).toMatch(/daily cap of 3/);
    now = new Date('2026-11-24T10:00:00+08:00');
    expect(await g.admit(claim)).toBeNull();
    now = new Date('2026-11-23T10:00:00+08:00');
  });

  it('refuses everything when no pack is active', async () => {
    expect(await new CouponGuard({ activePack: () => null }).admit(claim)).toMatch(/not in the active content pack/);
  });
});
