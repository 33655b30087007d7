// How the kiosk app carries out the hub's commands. Each executor gets only the parts of
// the app it needs, so tests hand in small fakes: the window's picture, the supervisor's
// reload, the app's restart, the renderer's event channel and the pack poller.
import { LOG_LINES_DEFAULT, MAX_SCREENSHOT_BYTES } from '../../content/schema/hub-api/commands.ts';
import type { CommandExecutors, CommandOutcome } from '../common/hub-agent/hub-agent.ts';
import type { HostCommand } from '../common/hub-agent/hub-payloads.ts';
import type { SessionState } from '../common/kiosk-api.ts';

/** The longest side of a screenshot, in pixels. */
export const SCREENSHOT_MAX_SIDE = 960;

/** The parts of Electron's NativeImage a screenshot uses. */
export interface WindowPicture {
  getSize(): { width: number; height: number };
  resize(options: { width: number; height: number; quality: 'good' }): WindowPicture;
  toJPEG(quality: number): Buffer;
}

export interface MainCommandParts {
  /** Whether a shopper is using the screen. */
  session: () => SessionState;
  /** The kiosk window's own page as drawn (webContents.capturePage), or null without a window. */
  capturePage: () => Promise<WindowPicture | null>;
  /** Loads the screen again through the supervisor. */
  reload: () => void;
  /** Restarts the kiosk app (after the result reached the hub). */
  restart: () => void;
  /** Tells the renderer to do something only it can. */
  sendHostCommand: (command: HostCommand) => void;
  /** Events waiting in the outbox at the renderer's last report, or null. */
  outboxDepth: () => number | null;
  /** Polls the pack update URL now; null when none is set. */
  checkPack: () => Promise<{ ok: boolean; message: string } | null>;
  /** The last lines of the kiosk's log file, oldest first (redacted when they were written). */
  logLines: (count: number) => Promise<string[]>;
}

/** The most bytes of log lines one result carries (the hub takes a result of about 2 MB). */
export const MAX_LOG_RESULT_BYTES = 1_500_000;

/** The newest lines that fit in a result, oldest first. */
export function fitLogLines(lines: readonly string[], maxBytes = MAX_LOG_RESULT_BYTES): string[] {
  let bytes = 0;
  let from = lines.length;
  while (from > 0) {
    const next = Buffer.byteLength(lines[from - 1]!) + 4;
    if (bytes + next > maxBytes) break;
    bytes += next;
    from -= 1;
  }
  return lines.slice(from);
}

/** The size that fits within `max` pixels on the long side, never larger than the original. */
export function fitWithin(width: number, height: number, max = SCREENSHOT_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const done = (message: string, afterReported?: () => void): CommandOutcome => ({ result: { ok: true, message }, ...(afterReported ? { afterReported } : {}) });
const refused = (message: string): CommandOutcome => ({ result: { ok: false, message } });

/** A JPEG of the window, downscaled, within the size the hub takes. */
async function screenshot(parts: MainCommandParts): Promise<CommandOutcome> {
  // Only while nobody is using the screen: a screenshot never shows a shopper's
  // screen, and so never the scan screen's camera picture.
  if (parts.session() === 'active') return refused('Not taken: a shopper is using the screen right now. Screenshots are taken only while the kiosk is idle; try again in a minute.');
  const page = await parts.capturePage();
  if (!page) return refused('Not taken: the kiosk window is not open.');
  const original = page.getSize();
  if (original.width === 0 || original.height === 0) return refused('Not taken: the window has nothing drawn yet (it is starting or hidden).');
  const size = fitWithin(original.width, original.height);
  const small = size.width === original.width && size.height === original.height ? page : page.resize({ ...size, quality: 'good' });
  for (const quality of [80, 60, 40]) {
    const jpeg = small.toJPEG(quality);
    if (jpeg.length <= MAX_SCREENSHOT_BYTES) {
      return {
        result: {
          ok: true,
          message: `Screenshot of the kiosk window, ${size.width}×${size.height}.`,
          screenshot: { mime: 'image/jpeg', width: size.width, height: size.height, base64: jpeg.toString('base64') },
        },
      };
    }
  }
  return refused('Not taken: the screenshot stays too large even at low quality.');
}

export function mainCommandExecutors(parts: MainCommandParts): CommandExecutors {
  return {
    screenshot: () => screenshot(parts),
    reload: async () => {
      parts.reload();
      return done('Reloaded the screen.');
    },
    restart: async () => done('Restarting the kiosk app.', parts.restart),
    'upload-events': async (command) => {
      parts.sendHostCommand({ id: command.id, kind: 'upload-events' });
      const depth = parts.outboxDepth();
      return done(`Asked the screen to send its events now${depth === null ? '' : ` (${depth} were waiting at its last report)`}.`);
    },
    'check-pack': async () => {
      const checked = await parts.checkPack();
      return checked ? { result: checked } : refused('No pack update URL is set on this kiosk (packs.updateUrl in kiosk.json): nothing to check.');
    },
    logs: async (command) => {
      const wanted = command.lines ?? LOG_LINES_DEFAULT;
      const read = await parts.logLines(wanted);
      const lines = fitLogLines(read);
      const note = lines.length < read.length ? ' (the older ones did not fit in one answer)' : read.length < wanted ? ' (all the log holds)' : '';
      return { result: { ok: true, message: `The last ${lines.length} lines of the kiosk's log${note}.`, logLines: lines } };
    },
  };
}

/**
 * How to restart the app. Under systemd (the .deb's user unit, Restart=on-failure,
 * KillMode=control-group) a relaunched copy would be killed with the exiting one, so the
 * app exits with a failure code and systemd starts it again; elsewhere it relaunches
 * itself and exits.
 */
export function restartPlan(env: Record<string, string | undefined>): { relaunch: boolean; exitCode: number } {
  return env.INVOCATION_ID ? { relaunch: false, exitCode: RESTART_EXIT_CODE } : { relaunch: true, exitCode: 0 };
}

/** The exit code of a restart asked for by the hub (EX_TEMPFAIL): systemd restarts the kiosk. */
export const RESTART_EXIT_CODE = 75;
