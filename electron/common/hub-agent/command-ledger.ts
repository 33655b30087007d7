// Which hub commands this kiosk has run, kept on disk: an id is written down before its
// command runs, so a command the hub delivers again (it got no result) is never run a
// second time — its result is sent again instead. Pure: the agent stores the list.
import { z } from 'zod';
import { CommandKind, type CommandResult, type KioskCommand } from '../../../content/schema/hub-api/commands.ts';

/** The ledger keeps the last few hundred commands: far more than a hub re-delivers. */
export const LEDGER_SIZE = 300;

export const LedgerEntry = z.object({
  id: z.string(),
  kind: CommandKind,
  ranAt: z.number(),
  expiresAt: z.number(),
  /** Null while it runs, and forever if the kiosk stopped before it finished. */
  result: z.object({ ok: z.boolean(), message: z.string() }).nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export const Ledger = z.array(LedgerEntry);

/** A ledger read back from storage; a damaged one counts as empty. */
export function readLedger(stored: unknown): LedgerEntry[] {
  const parsed = Ledger.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

export type CommandPlan = { do: 'run' } | { do: 'resend'; result: CommandResult } | { do: 'skip'; why: string };

export const INTERRUPTED_MESSAGE = 'The kiosk stopped while running this command (it restarted or lost power); it was not run again.';

/** What to do with a command the hub delivered. `hubNow` is the hub's clock as the kiosk reckons it. */
export function planCommand(ledger: readonly LedgerEntry[], command: KioskCommand, hubNow: number): CommandPlan {
  const ran = ledger.find((entry) => entry.id === command.id);
  if (ran) return { do: 'resend', result: resentResult(ran) };
  if (command.expiresAt <= hubNow) return { do: 'skip', why: `expired ${Math.round((hubNow - command.expiresAt) / 1000)} s before it arrived` };
  return { do: 'run' };
}

/** The ledger with `entry` added (or replacing the entry of the same id), the oldest dropped beyond the size. */
export function withEntry(ledger: readonly LedgerEntry[], entry: LedgerEntry): LedgerEntry[] {
  const next = [...ledger.filter((e) => e.id !== entry.id), entry];
  return next.slice(-LEDGER_SIZE);
}

/** What the ledger keeps of a result: whether it worked and what happened, never a screenshot. */
export function ledgerResult(result: CommandResult): NonNullable<LedgerEntry['result']> {
  return { ok: result.ok, message: result.message };
}

/** The result sent again for a command found in the ledger. */
function resentResult(entry: LedgerEntry): CommandResult {
  if (!entry.result) return { ok: false, message: INTERRUPTED_MESSAGE };
  if (entry.kind === 'screenshot' && entry.result.ok) return { ok: true, message: `${entry.result.message} (the picture is not kept on the kiosk: ask for a new screenshot)` };
  if (entry.kind === 'logs' && entry.result.ok) return { ok: true, message: `${entry.result.message} (the lines are not kept with the command on the kiosk: ask for the log again)` };
  return entry.result;
}
