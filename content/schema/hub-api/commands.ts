// Remote commands: the console asks, the kiosk fetches them by long-poll with its
// credential, runs each exactly once and reports the result. Commands expire.
import { z } from 'zod';
import { ApiErrorBody } from './errors.ts';
import { route } from './route.ts';

export const COMMAND_KINDS = ['screenshot', 'reload', 'restart', 'upload-events', 'check-pack', 'logs'] as const;
export const CommandKind = z.enum(COMMAND_KINDS);
export type CommandKind = z.infer<typeof CommandKind>;

/** A `logs` command asks for the last lines of the kiosk's log file: this many unless it says. */
export const LOG_LINES_DEFAULT = 200;
export const LOG_LINES_MAX = 1_000;
/** The longest log line a kiosk sends (longer ones are cut). */
export const LOG_LINE_MAX_CHARS = 2_000;
export const LogLinesWanted = z.number().int().min(1).max(LOG_LINES_MAX);

/** A command as the kiosk receives it. */
export const KioskCommand = z.object({
  id: z.string(),
  kind: CommandKind,
  /** Epoch ms; a command not run by then is not run at all. */
  expiresAt: z.number(),
  /** `logs`: how many of the last lines to send. */
  lines: LogLinesWanted.optional(),
});
export type KioskCommand = z.infer<typeof KioskCommand>;

export const CommandsQuery = z.object({
  /** Seconds the hub may hold the request open waiting for a command (long-poll). */
  waitSec: z.coerce.number().int().min(0).max(60).default(25),
});

export const CommandsResponse = z.object({
  commands: z.array(KioskCommand),
  /**
   * The hub's clock as it answered (ms since 1970): the kiosk judges whether a command
   * expired on its way by the hub's time, not its own clock, which may be hours off
   * before its first heartbeat answer tells it by how much. Absent from older hubs.
   */
  serverTime: z.number().int().optional(),
});

/** The largest screenshot a kiosk sends back: a downscaled JPEG of the window, never a camera image. */
export const MAX_SCREENSHOT_BYTES = 1_500_000;

export const CommandResult = z.strictObject({
  ok: z.boolean(),
  /** What happened, for the console: "not available in browser mode", an error, "reloaded". */
  message: z.string().max(2000),
  /** A screenshot: JPEG, base64. */
  screenshot: z
    .strictObject({ mime: z.literal('image/jpeg'), width: z.number().int().positive(), height: z.number().int().positive(), base64: z.string().max(Math.ceil((MAX_SCREENSHOT_BYTES * 4) / 3) + 4) })
    .optional(),
  /** `logs`: the last lines of the kiosk's log file, oldest first (already redacted on the kiosk). */
  logLines: z.array(z.string().max(LOG_LINE_MAX_CHARS)).max(LOG_LINES_MAX).optional(),
});
export type CommandResult = z.infer<typeof CommandResult>;

export const commandsRoute = route({
  method: 'GET',
  path: '/v1/commands',
  auth: 'kiosk',
  summary: 'The commands waiting for this kiosk; held open up to waitSec until one arrives.',
  query: CommandsQuery,
  responses: { 200: CommandsResponse, 400: ApiErrorBody, 401: ApiErrorBody, 429: ApiErrorBody, 503: ApiErrorBody },
});

export const commandResultRoute = route({
  method: 'POST',
  path: '/v1/commands/:id/result',
  auth: 'kiosk',
  summary: 'The kiosk ran a command (once) and says how it went.',
  params: z.object({ id: z.string().max(64) }),
  body: CommandResult,
  responses: { 200: z.object({ recorded: z.boolean() }), 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody, 413: ApiErrorBody, 503: ApiErrorBody },
});
