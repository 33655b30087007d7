// The kiosk's log: JSON lines (pino, as the hub logs) with levels, in the data folder's
// logs/ as kiosk.<n>.log, rolled over at a size and capped at a number of files, so the
// folder never holds more than maxFileMb × files (rolling-file.ts). Everything written
// passes through the redaction layer (redact.ts): no scanned text, no camera data,
// nothing personal.
import pino, { type DestinationStream, type Logger } from 'pino';
import { redactFields, redactText, redactValue } from './redact.ts';
import { RollingFile } from './rolling-file.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** What the rest of main logs through: a message and a few fields, both redacted before they are written. */
export interface KioskLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** The same log with `component` on every line (hub, packs, updates, renderer…). */
  child(component: string): KioskLog;
}

export interface KioskLogFile extends KioskLog {
  /** The folder the files are in. */
  readonly dir: string;
  /** Writes what is buffered to disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface KioskLogOptions {
  /** The logs/ folder (made if missing). */
  dir: string;
  level: LogLevel;
  maxFileMb: number;
  /** Files kept, the current one included. */
  files: number;
  /** Also written to standard output (journald under systemd) from this level up; null: not at all. */
  stdoutLevel?: LogLevel | null;
}


function wrap(logger: Logger): KioskLog {
  const at = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (!logger.isLevelEnabled(level)) return;
    logger[level](redactFields(fields), redactText(message));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (component) => wrap(logger.child({ component })),
  };
}

/** The pino settings every kiosk log uses: level names, ISO times, no host or pid, and redaction of anything passed straight to pino. */
function pinoOptions(level: LogLevel): pino.LoggerOptions {
  return {
    level,
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      // A second net under the KioskLog facade: fields given to pino directly are redacted too.
      log: (object) => redactValue(object) as Record<string, unknown>,
    },
    // Errors are already plain objects (type, message, stack), redacted: pino's own error serializer would undo that.
    serializers: { err: (value: unknown) => value },
  };
}

/** A kiosk log on any stream (tests, the browser-free tools). */
export function kioskLogTo(stream: DestinationStream, level: LogLevel = 'info'): KioskLog {
  return wrap(pino(pinoOptions(level), stream));
}

export function openKioskLog(o: KioskLogOptions): KioskLogFile {
  const file = new RollingFile({ dir: o.dir, maxBytes: o.maxFileMb * 1024 * 1024, files: o.files });
  const streams: pino.StreamEntry[] = [{ stream: file, level: o.level }];
  if (o.stdoutLevel) streams.push({ stream: process.stdout, level: o.stdoutLevel });
  const logger = pino({ ...pinoOptions(o.level), level: lowest(o.level, o.stdoutLevel ?? o.level) }, pino.multistream(streams));
  return {
    ...wrap(logger),
    dir: o.dir,
    // Every line is written when it is logged: nothing waits in a buffer.
    flush: async () => undefined,
    close: async () => file.close(),
  };
}

function lowest(a: LogLevel, b: LogLevel): LogLevel {
  return LOG_LEVELS.indexOf(a) <= LOG_LEVELS.indexOf(b) ? a : b;
}
