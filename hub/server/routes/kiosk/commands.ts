// The kiosk's side of remote commands: GET /v1/commands holds the request open until a
// command is made for this kiosk (or waitSec passes) and leases what it hands out; a
// command delivered but never answered is handed out again once its lease runs out (the
// kiosk runs each id once). POST /v1/commands/:id/result records how it went, once.
import type { FastifyInstance } from 'fastify';
import { commandResultRoute, commandsRoute, MAX_SCREENSHOT_BYTES, type CommandKind } from '../../../../content/schema/hub-api/commands.ts';
import { audit } from '../../../store/queries/audit.ts';
import { finishCommand, takeCommands } from '../../../store/queries/commands.ts';
import { addRoute } from '../../http/add-route.ts';
import { badRequest, HttpError, notFound } from '../../http/http-error.ts';
import type { HubContext } from '../../hub-context.ts';
import type { CommandWait } from './command-waiters.ts';

/** A command handed to a kiosk is its own for this long; no result by then, and it is handed out again. */
export const COMMAND_LEASE_MS = 2 * 60_000;

function jpegOf(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_SCREENSHOT_BYTES) throw new HttpError(413, 'too-large', `A screenshot may be at most ${MAX_SCREENSHOT_BYTES} bytes.`);
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) throw badRequest('body.screenshot.base64: not a JPEG image');
  return bytes;
}

export function registerKioskCommands(app: FastifyInstance, hub: HubContext): void {
  addRoute(
    app,
    hub,
    commandsRoute,
    async ({ input, principal, request }) => {
      if (principal.kind !== 'kiosk') throw new Error('commands without a kiosk');
      // The kiosk going away ends the wait at once (the loop then answers nobody and ends).
      let gone = false;
      let waiting: CommandWait | null = null;
      request.raw.once('close', () => {
        gone = true;
        waiting?.stop();
      });
      const deadline = hub.clock.now() + input.query.waitSec * 1000;
      for (;;) {
        // Listening before reading: a command made while the read runs wakes this poll at
        // once instead of waiting for the next one. Woken by a new command for this kiosk
        // (made in this process, or announced by another), or the time is up.
        // Stopped however this turn ends (an answer, or a read that fails while the
        // database is down), so no waiter outlives its poll.
        const wait = hub.waiters.wait(principal.deviceId, Math.max(0, deadline - hub.clock.now()));
        waiting = wait;
        if (gone) wait.stop();
        try {
          const now = hub.clock.now();
          const due = await takeCommands(hub.store, principal.deviceId, now, now + COMMAND_LEASE_MS);
          const left = deadline - hub.clock.now();
          if (due.length > 0 || left <= 0 || gone) {
            return {
              commands: due.map((c) => ({ id: c.id, kind: c.kind as CommandKind, expiresAt: c.expiresAt, ...(c.linesWanted !== null ? { lines: c.linesWanted } : {}) })),
              serverTime: hub.clock.now(),
            };
          }
          await wait.woken;
        } finally {
          wait.stop();
          waiting = null;
        }
      }
    },
    { perMinute: 120 },
  );

  addRoute(
    app,
    hub,
    commandResultRoute,
    async ({ input, principal }) => {
      if (principal.kind !== 'kiosk') throw new Error('command result without a kiosk');
      const { ok, message, screenshot, logLines } = input.body;
      const shot = screenshot ? { bytes: jpegOf(screenshot.base64), width: screenshot.width, height: screenshot.height } : undefined;
      const now = hub.clock.now();
      const result = await finishCommand(hub.store, { id: input.params.id, deviceId: principal.deviceId, ok, message, now, screenshot: shot, logLines });
      if (!result.found) throw notFound(`There is no command ${input.params.id} for this kiosk.`);
      if (result.recorded) await audit(hub.store, { at: now, actor: `kiosk:${principal.deviceId}`, action: ok ? 'command.done' : 'command.failed', target: input.params.id, detail: { message } });
      return { recorded: result.recorded };
    },
    { bodyLimit: Math.ceil((MAX_SCREENSHOT_BYTES * 4) / 3) + 16 * 1024, perMinute: 120 },
  );
}
