// A coupon's reward as a cashier says it: "9折" / "10% off", "立减 ¥10" / "¥10 off",
// "赠品" / "free gift". Amounts come in fen; percent-off is the percent taken off.
import type { Translate } from '../charts/figure.ts';

export interface Reward {
  kind: 'gift' | 'percent-off' | 'amount-off';
  /** Percent off, fen off, or 0 for a gift. */
  value: number;
}

export function rewardText(reward: Reward, t: Translate, num: (value: number, digits: number) => string): string {
  switch (reward.kind) {
    case 'percent-off': {
      // 10 % off is 9折: the price is 90 % of itself, said in tenths.
      const zhe = Math.round(100 - reward.value) / 10;
      return t('till.reward.percentOff', { zhe: num(zhe, Number.isInteger(zhe) ? 0 : 1), percent: num(reward.value, Number.isInteger(reward.value) ? 0 : 1) });
    }
    case 'amount-off': {
      const yuan = reward.value / 100;
      return t('till.reward.amountOff', { yuan: num(yuan, Number.isInteger(yuan) ? 0 : 2) });
    }
    case 'gift':
      return t('till.reward.gift');
  }
}
