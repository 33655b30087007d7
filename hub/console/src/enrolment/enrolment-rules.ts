// An enrolment code's or token's state, from its row and the time.
import type { EnrolmentSecretRow } from '../../../../content/schema/hub-api/console/fleet.ts';

export type SecretState = 'active' | 'used' | 'expired' | 'revoked';

export function secretState(row: EnrolmentSecretRow, now: number): SecretState {
  if (row.revoked) return 'revoked';
  if (row.kind === 'code' && row.uses >= 1) return 'used';
  if (row.expiresAt <= now) return 'expired';
  return 'active';
}

/** Validity choices, in hours (the contract allows 1 hour to 90 days). */
export const VALIDITY_HOURS = [1, 24, 72, 168, 720, 2160] as const;
