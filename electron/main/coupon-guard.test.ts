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
  cooldownSec: 0,
};
/** Written as a pack from before the campaign limits: they default to one a session and 60 s between coupons. */
const { cooldownSec: _, ...olderJuice } = { ...campaign, id: 'juice', reward: { kind: 'gift', title: { 'zh-CN': '鲜榨橙汁' } }, couponValidDays: 1, dailyCapPerKiosk: 30 };
const slowJuice = { ...olderJuice, id: 'slow-juice', cooldownSec: 180 };
await writeFile(path.join(temp.dir, 'data', 'campaigns.json'), JSON.stringify([campaign, olderJuice, slowJuice]));

const claim = { campaignId: 'ten-off', reward: { kind: 'amount-off' as const, value: 1000 }, validHours: 168 };

describe('coupon guard', () => {
  let now = new Date('2026-11-23T10:00:00+08:00');
  let tick = 0;
  const guard = () => new CouponGuard({ activePack: () => ({ dir: temp.dir, activation: 1 }), now: () => now, monotonicMs: () => tick });
  const juice = (id: string) => ({ campaignId: id, reward: { kind: 'gift' as const, value: 0 }, validHours: 24 });

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

  it('holds each campaign\'s cool-down, however often a tampered screen starts a new session, on a clock that never goes back', async () => {
    const g = guard();
    tick = 1_000_000;
    expect(await g.admit(juice('slow-juice'))).toBeNull();
    // "Play again" four times in 40 s, each claim as if from a new shopper: refused.
    for (const after of [10_000, 20_000, 30_000, 40_000]) {
      tick = 1_000_000 + after;
      expect(await g.admit(juice('slow-juice'))).toMatch(/slow-juice is cooling down: its next coupon in \d+ s/);
    }
    // The wall clock set back a day does not reopen it either.
    now = new Date('2026-11-22T10:00:00+08:00');
    expect(await g.admit(juice('slow-juice'))).toMatch(/cooling down/);
    now = new Date('2026-11-23T10:00:00+08:00');
    // Another campaign is not held up by this one's cool-down.
    expect(await g.admit(claim)).toBeNull();
    tick = 1_000_000 + 180_000;
    expect(await g.admit(juice('slow-juice'))).toBeNull();
    tick = 0;
  });

  it('gives a campaign from an older pack, which names no cool-down, 60 s between two coupons', async () => {
    const g = guard();
    tick = 5_000_000;
    expect(await g.admit(juice('juice'))).toBeNull();
    tick += 59_000;
    expect(await g.admit(juice('juice'))).toMatch(/cooling down: its next coupon in 1 s/);
    tick += 1_000;
    expect(await g.admit(juice('juice'))).toBeNull();
    tick = 0;
  });
});
