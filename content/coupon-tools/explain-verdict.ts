// What a till operator reads about a scanned coupon: valid with its details, or why not.
import { campaignTagOf, couponIdOf, type CouponProblem, type CouponReward, type CouponVerdict } from '../schema/coupon/index.ts';
import { bi, type Bilingual } from '../lib/report/bilingual.ts';

export const PROBLEM_TEXT: Record<CouponProblem, Bilingual> = {
  malformed: bi('这不是优惠券码（格式不对或不完整）', 'this is not a coupon token (wrong format or cut short)'),
  'unsupported-version': bi('券码版本太新，请更新核销工具', 'the token is from a newer version: update this tool'),
  'unknown-key': bi('未知的互动屏密钥：这张券不是已登记的互动屏签发的', 'unknown kiosk key: no registered kiosk issued this coupon'),
  'bad-signature': bi('签名不符：券码被改动过，或是伪造的', 'the signature does not match: the token was altered or forged'),
  expired: bi('优惠券已过期', 'the coupon has expired'),
  'not-yet-valid': bi('签发时间在未来：请检查互动屏的时钟', 'issued in the future: check the kiosk clock'),
};

export function rewardText(reward: CouponReward): Bilingual {
  switch (reward.kind) {
    case 'percent-off':
      return bi(`优惠 ${reward.value}%`, `${reward.value}% off`);
    case 'amount-off':
      return bi(`立减 ${(reward.value / 100).toFixed(2)} 元`, `${(reward.value / 100).toFixed(2)} off`);
    case 'gift':
      return bi('赠品', 'a gift');
  }
}

export interface CampaignName {
  id: string;
  name?: { 'zh-CN': string; en?: string };
}

/** Campaign tag → campaign, for the campaigns of a pack. */
export async function campaignIndex(campaigns: readonly CampaignName[]): Promise<Map<string, CampaignName>> {
  const index = new Map<string, CampaignName>();
  for (const c of campaigns) index.set(await campaignTagOf(c.id), c);
  return index;
}

const iso = (unixSec: number) => new Date(unixSec * 1000).toISOString();

/** Lines for a person at a till, Chinese first. */
export function explainVerdict(verdict: CouponVerdict, campaigns: ReadonlyMap<string, CampaignName> = new Map()): string[] {
  const lines: string[] = [];
  if (verdict.valid) lines.push('✔ 有效 VALID');
  else {
    const text = PROBLEM_TEXT[verdict.reason];
    lines.push(`✘ 无效 INVALID — ${text['zh-CN']}`, `  ${text.en}`, `  (${verdict.detail})`);
  }
  const f = verdict.fields;
  if (f) {
    const campaign = campaigns.get(f.campaignTag);
    const reward = rewardText(f.reward);
    lines.push(
      `  券号 coupon:     ${couponIdOf(f.kioskId, f.seq)}`,
      `  活动 campaign:   ${campaign ? `${campaign.id}${campaign.name ? ` (${campaign.name['zh-CN']})` : ''}` : `#${f.campaignTag}`}`,
      `  优惠 reward:     ${reward['zh-CN']} / ${reward.en}`,
      `  签发 issued:     ${iso(f.issuedAt)}`,
      `  到期 expires:    ${iso(verdict.expiresAt ?? f.issuedAt + f.validHours * 3600)}`,
    );
  }
  if (verdict.key) {
    const k = verdict.key;
    lines.push(`  互动屏 kiosk:    ${[k.kioskName, k.storeId].filter(Boolean).join(' · ') || k.kioskId || ''} (key ${k.keyId})`);
  }
  return lines;
}
