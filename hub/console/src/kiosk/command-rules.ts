// Which commands are still under way, and where a finished screenshot is served.
import { commandLogRoute, commandScreenshotRoute, type CommandRow } from '../../../../content/schema/hub-api/console/fleet.ts';
import { pathOf } from '../../../../content/schema/hub-api/route.ts';

export function isUnderWay(command: Pick<CommandRow, 'state'>): boolean {
  return command.state === 'pending' || command.state === 'delivered';
}

/** The JPEG the hub serves for a finished screenshot command (same origin, session cookie). */
export function screenshotUrl(command: Pick<CommandRow, 'id'>): string {
  return pathOf(commandScreenshotRoute, { id: command.id });
}

/** The text the hub serves for a finished logs command: the kiosk's last log lines. */
export function logUrl(command: Pick<CommandRow, 'id'>): string {
  return pathOf(commandLogRoute, { id: command.id });
}

/** Newest first, one row per id (a sent command replaces its older copy). */
export function mergeCommands(fresh: readonly CommandRow[], known: readonly CommandRow[]): CommandRow[] {
  const byId = new Map<string, CommandRow>();
  for (const c of [...known, ...fresh]) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
}
