import { describe, expect, it } from 'vitest';
import { planProblem } from './plan-check.ts';
import { trackingPlanDocument } from './plan-document.ts';
import { TRACKING_PLAN, TRACKING_PLAN_VERSION } from './tracking-plan.ts';

const finished = {
  game_id: 'wheel',
  game_kind: 'wheel',
  completed: true,
  score: 0,
  duration_ms: 5200,
  stats: { spins: 1 },
  prize_outcome: 'won',
  prize_reason: null,
  campaign_id: 'juice',
  prize_seed: 'a1b2',
  prize_draw: 0.04,
  prize_odds: { juice: 0.1, 'ten-off': 0.15 },
};

describe('planProblem', () => {
  it('passes an event that keeps to the plan', () => {
    expect(planProblem('Game Finished', finished)).toBeNull();
    expect(planProblem('Session Started', { trigger: 'scan' })).toBeNull();
    expect(planProblem('Barcode Scanned', { source: 'camera', code_type: 'text', recognised: false, lookup: 'skipped', reason: 'not-a-product-code' })).toBeNull();
  });

  it('names the property and what is wrong with it', () => {
    expect(planProblem('Game Finished', { ...finished, prize_odds: { juice: 1.5 } })).toMatch(/^prize_odds\.juice: /);
    expect(planProblem('Game Finished', { ...finished, game_kind: 'pinball' })).toMatch(/^game_kind: /);
    const { score: _, ...noScore } = finished;
    expect(planProblem('Game Finished', noScore)).toMatch(/^score: /);
  });

  it('flags properties the plan does not have, and events it does not know', () => {
    expect(planProblem('Session Started', { trigger: 'touch', phone: '13800000000' })).toBe('properties not in the plan: phone');
    expect(planProblem('Shopper Photographed', {})).toBe('"Shopper Photographed" is not an event of the tracking plan');
    expect(planProblem('constructor', {})).toMatch(/not an event of the tracking plan/);
    expect(planProblem('Session Started', null)).toMatch(/^trigger: /);
  });
});

describe('trackingPlanDocument', () => {
  it('gives every event of the plan a JSON Schema that lists its properties and the required ones', () => {
    const doc = trackingPlanDocument();
    expect(doc.version).toBe(TRACKING_PLAN_VERSION);
    expect(Object.keys(doc.events).sort()).toEqual(Object.keys(TRACKING_PLAN).sort());
    const schema = doc.events['Game Finished']!.properties as { type: string; required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('prize_odds');
    expect(Object.keys(schema.properties)).toEqual(Object.keys(finished));
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
