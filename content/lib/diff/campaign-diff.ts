// Coupon campaigns before and after: the odds of each game that awards them (what a
// merchandiser most wants to see), and every other term — caps, validity, reward.
import type { CampaignsDiff, OddsChange } from '../../schema/hub-api/console/pack-diff.ts';
import type { Campaign } from '../../schema/campaign.ts';
import { fieldChanges } from './field-changes.ts';
import { nameOf, pairById } from './record-diff.ts';

/** Odds and minimum scores by game; a game listed twice keeps its first award, as the prize rules read it. */
function awardsByGame(c: Campaign) {
  const out = new Map<string, { odds: number; minScore: number | undefined }>();
  for (const a of c.awards) if (!out.has(a.game)) out.set(a.game, { odds: a.odds, minScore: a.minScore });
  return out;
}

function oddsChanges(a: Campaign, b: Campaign): { odds: OddsChange[]; minScores: ReturnType<typeof fieldChanges> } {
  const before = awardsByGame(a);
  const after = awardsByGame(b);
  const odds: OddsChange[] = [];
  const minScores: ReturnType<typeof fieldChanges> = [];
  for (const game of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(game);
    const y = after.get(game);
    if (x?.odds !== y?.odds) odds.push({ game, before: x?.odds ?? null, after: y?.odds ?? null });
    if (x && y && x.minScore !== y.minScore) minScores.push({ field: `awards.${game}.minScore`, before: x.minScore, after: y.minScore });
  }
  return { odds, minScores };
}

export function diffCampaigns(before: readonly Campaign[], after: readonly Campaign[]): CampaignsDiff {
  const { added, removed, kept } = pairById(before, after);
  const ref = (c: Campaign) => ({ id: c.id, name: nameOf(c) });
  const changed = kept.flatMap(([a, b]) => {
    const { odds, minScores } = oddsChanges(a, b);
    const changes = [...fieldChanges(a, b, { skip: ['id', 'awards'] }), ...minScores];
    return odds.length || changes.length ? [{ ...ref(b), odds, changes }] : [];
  });
  return { added: added.map(ref), removed: removed.map(ref), changed };
}
