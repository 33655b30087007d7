// Remote commands: created for a kiosk, delivered by its long-poll with a lease (a
// command delivered but never answered is delivered again once the lease runs out; the
// kiosk runs each id once), finished with the kiosk's result, expired when not run in time.
import type { HubStore } from '../open-store.ts';
import type { CommandTable } from '../schema.ts';

export type CommandState = CommandTable['state'];

export interface CommandRecord {
  id: string;
  deviceId: string;
  kind: string;
  state: CommandState;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  deliveredAt: number | null;
  finishedAt: number | null;
  message: string | null;
  screenshot: { width: number; height: number } | null;
  /** `logs`: lines asked for (null: the kiosk's default) and lines received (null: none yet). */
  linesWanted: number | null;
  logLineCount: number | null;
}

const COLUMNS = ['id', 'device_id', 'kind', 'state', 'created_by', 'created_at', 'expires_at', 'delivered_at', 'finished_at', 'message', 'screenshot_width', 'screenshot_height', 'lines_wanted', 'log_line_count'] as const;
type Row = Pick<CommandTable, (typeof COLUMNS)[number]>;
const toRecord = (r: Row): CommandRecord => ({
  id: r.id,
  deviceId: r.device_id,
  kind: r.kind,
  state: r.state,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  deliveredAt: r.delivered_at,
  finishedAt: r.finished_at,
  message: r.message,
  screenshot: r.screenshot_width !== null && r.screenshot_height !== null ? { width: r.screenshot_width, height: r.screenshot_height } : null,
  linesWanted: r.lines_wanted === null ? null : Number(r.lines_wanted),
  logLineCount: r.log_line_count === null ? null : Number(r.log_line_count),
});

export async function createCommands(
  store: HubStore,
  commands: readonly { id: string; deviceId: string; kind: string; createdBy: string; now: number; expiresAt: number; linesWanted?: number | undefined }[],
): Promise<CommandRecord[]> {
  if (commands.length === 0) return [];
  const rows = await store.db
    .insertInto('commands')
    .values(commands.map((c) => ({ id: c.id, device_id: c.deviceId, kind: c.kind, state: 'pending' as const, created_by: c.createdBy, created_at: c.now, expires_at: c.expiresAt, lines_wanted: c.linesWanted ?? null })))
    .returning(COLUMNS)
    .execute();
  return rows.map(toRecord);
}

/** Marks expired what was not finished in time. */
export async function expireCommands(store: HubStore, now: number): Promise<void> {
  await store.db.updateTable('commands').set({ state: 'expired', finished_at: now }).where('state', 'in', ['pending', 'delivered']).where('expires_at', '<=', now).execute();
}

/** How many commands wait for a kiosk (pending, or delivered with the lease run out). */
export async function countWaiting(store: HubStore, deviceId: string, now: number): Promise<number> {
  const row = await store.db
    .selectFrom('commands')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('device_id', '=', deviceId)
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('state', '=', 'pending'), eb.and([eb('state', '=', 'delivered'), eb('lease_until', '<=', now)])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Takes the commands due for a kiosk and leases them to it until `leaseUntil`. */
export async function takeCommands(store: HubStore, deviceId: string, now: number, leaseUntil: number): Promise<CommandRecord[]> {
  return store.db.transaction().execute(async (trx) => {
    let select = trx
      .selectFrom('commands')
      .select(COLUMNS)
      .where('device_id', '=', deviceId)
      .where('expires_at', '>', now)
      .where((eb) => eb.or([eb('state', '=', 'pending'), eb.and([eb('state', '=', 'delivered'), eb('lease_until', '<=', now)])]))
      .orderBy('created_at')
      .limit(20);
    if (store.dialect === 'postgres') select = select.forUpdate().skipLocked();
    const due = await select.execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('commands')
      .set({ state: 'delivered', lease_until: leaseUntil, delivered_at: now })
      .where('id', 'in', due.map((c) => c.id))
      .execute();
    return due.map((c) => toRecord({ ...c, state: 'delivered', delivered_at: now }));
  });
}

/**
 * Records a kiosk's result for its own command, once: a second result for a finished
 * command changes nothing. False when the command is not this kiosk's.
 */
export async function finishCommand(
  store: HubStore,
  r: { id: string; deviceId: string; ok: boolean; message: string; now: number; screenshot?: { bytes: Uint8Array; width: number; height: number } | undefined; logLines?: readonly string[] | undefined },
): Promise<{ found: boolean; recorded: boolean }> {
  const existing = await store.db.selectFrom('commands').select(['state']).where('id', '=', r.id).where('device_id', '=', r.deviceId).executeTakeFirst();
  if (!existing) return { found: false, recorded: false };
  const result = await store.db
    .updateTable('commands')
    .set({
      state: r.ok ? 'done' : 'failed',
      finished_at: r.now,
      message: r.message,
      lease_until: null,
      ...(r.screenshot ? { screenshot: r.screenshot.bytes, screenshot_width: r.screenshot.width, screenshot_height: r.screenshot.height } : {}),
      ...(r.logLines ? { log_text: r.logLines.join('\n'), log_line_count: r.logLines.length } : {}),
    })
    .where('id', '=', r.id)
    .where('device_id', '=', r.deviceId)
    .where('state', 'in', ['pending', 'delivered'])
    .executeTakeFirst();
  return { found: true, recorded: Number(result.numUpdatedRows) === 1 };
}

export async function listCommands(store: HubStore, filter: { deviceId?: string | undefined; deviceIds?: readonly string[] | null; limit: number }): Promise<CommandRecord[]> {
  let query = store.db.selectFrom('commands').select(COLUMNS).orderBy('created_at', 'desc').limit(filter.limit);
  if (filter.deviceId) query = query.where('device_id', '=', filter.deviceId);
  if (filter.deviceIds) query = query.where('device_id', 'in', filter.deviceIds.length ? [...filter.deviceIds] : ['']);
  return (await query.execute()).map(toRecord);
}

/** A `logs` command's lines, oldest first; null when it has none. */
export async function commandLogLines(store: HubStore, id: string): Promise<{ deviceId: string; lines: string[] } | null> {
  const row = await store.db.selectFrom('commands').select(['device_id', 'log_text', 'log_line_count']).where('id', '=', id).executeTakeFirst();
  if (!row || row.log_text === null) return null;
  return { deviceId: row.device_id, lines: Number(row.log_line_count) === 0 ? [] : row.log_text.split('\n') };
}

export async function commandScreenshot(store: HubStore, id: string): Promise<{ deviceId: string; bytes: Uint8Array } | null> {
  const row = await store.db.selectFrom('commands').select(['device_id', 'screenshot']).where('id', '=', id).executeTakeFirst();
  return row?.screenshot ? { deviceId: row.device_id, bytes: row.screenshot } : null;
}
