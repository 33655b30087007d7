// Redeems a coupon as the chosen store's till. The hub answers 200 redeemed, and 409
// (already redeemed) or 422 (refused) with the same kind of answer: all three are
// answers for the cashier, not failures.
import { CONSOLE_API } from '../../../../content/schema/hub-api/index.ts';
import { RedeemAnswer } from '../../../../content/schema/hub-api/redemptions.ts';
import { isApiError } from '../api/api-error.ts';
import type { ApiClient } from '../api/call-api.ts';

export async function redeemAtTill(api: ApiClient, storeId: string, token: string): Promise<RedeemAnswer> {
  try {
    return await api.callApi(CONSOLE_API.tillRedeem, { body: { storeId, token } });
  } catch (err) {
    if (isApiError(err) && (err.status === 409 || err.status === 422)) {
      const parsed = RedeemAnswer.safeParse(err.answer);
      if (parsed.success) return parsed.data;
    }
    throw err;
  }
}
