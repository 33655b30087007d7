// The fleet list, on the page before its rows are checked. Every answer the console
// reads is checked against the contract (call-api.ts); for the fleet that is 5,000 rows
// of 20-odd fields, ~150–200 ms on a console whose CSP rules out zod's compiled checks —
// most of what stood between the list arriving and the page showing it. So the answer's
// envelope is checked as it comes, the page shows the rows, and the rows are checked
// right after, a slice per task so the page stays responsive. A row that breaks the
// contract takes the list off the page and says so, as an answer that broke it always has.
import { z } from 'zod';
import { KioskRow } from '../../../../content/schema/hub-api/console/fleet.ts';
import { CONSOLE_API } from '../../../../content/schema/hub-api/index.ts';
import { ApiError } from '../api/api-error.ts';
import type { ApiClient } from '../api/call-api.ts';

/** The fleet route with only its envelope declared: the rows are checked afterwards. */
const fleetEnvelope = { ...CONSOLE_API.fleet, responses: { 200: z.object({ kiosks: z.array(z.unknown()), now: z.number() }) } };

/** Rows checked per task. */
export const CHECK_SLICE_ROWS = 250;

export interface FleetList {
  /** As the hub sent them; shown at once, checked by `checked`. */
  kiosks: readonly KioskRow[];
  now: number;
  /** Settles once every row is checked; rejects (a `bad-answer` ApiError) at the first row that breaks the contract. */
  checked: Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Checks rows against the contract a slice per task, after the current one (in which the page is given the rows). */
export async function checkRows(rows: readonly unknown[], yieldTask: () => Promise<void> = nextTask): Promise<void> {
  for (let start = 0; start < rows.length; start += CHECK_SLICE_ROWS) {
    await yieldTask();
    const end = Math.min(rows.length, start + CHECK_SLICE_ROWS);
    for (let i = start; i < end; i++) {
      const parsed = KioskRow.safeParse(rows[i]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? ` (row ${i + 1}, ${issue.path.join('.') || 'the row'}: ${issue.message})` : '';
        throw new ApiError(200, null, { code: 'bad-answer', message: `GET ${CONSOLE_API.fleet.path} answered 200 with a kiosk the contract does not allow${where}` });
      }
    }
  }
}

export async function fetchFleet(api: ApiClient): Promise<FleetList> {
  const answer = await api.callApi(fleetEnvelope);
  const checked = checkRows(answer.kiosks);
  // Whoever shows the list handles a failed check; this keeps an unwatched one quiet.
  checked.catch(() => undefined);
  return { kiosks: answer.kiosks as KioskRow[], now: answer.now, checked };
}
