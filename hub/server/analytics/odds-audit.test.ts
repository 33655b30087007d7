import { describe, expect, it } from 'vitest';
import { auditCampaign, wilsonInterval } from './odds-audit.ts';

const campaign = (odds: number | null, draws: number, won: number) => ({ gameId: 'wheel', campaignId: 'juice-10', odds, plays: draws + 5, completed: draws, draws, won });

describe('the odds audit', () => {
  it('gives the Wilson interval of an observed rate', () => {
    const [lo, hi] = wilsonInterval(200, 1000)!;
    // 99 %: 0.2 ± about 0.033
    expect(lo).toBeCloseTo(0.1694, 3);
    expect(hi).toBeCloseTo(0.2345, 3);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(0, 50)![0]).toBe(0);
  });

  it('flags a campaign rigged to pay out twice its odds', () => {
    expect(auditCampaign(campaign(0.1, 1000, 200))).toMatchObject({ winRate: 0.2, flagged: true });
  });

  it('does not flag a fair campaign, nor one with too few draws to tell', () => {
    expect(auditCampaign(campaign(0.1, 1000, 108)).flagged).toBe(false);
    expect(auditCampaign(campaign(0.1, 12, 3)).flagged).toBe(false);
    expect(auditCampaign(campaign(0.1, 0, 0))).toMatchObject({ winRate: null, interval: null, flagged: false });
  });

  it('flags one paying far less than configured too, and cannot judge unknown odds', () => {
    expect(auditCampaign(campaign(0.5, 400, 120)).flagged).toBe(true);
    expect(auditCampaign(campaign(null, 1000, 500)).flagged).toBe(false);
  });
});
