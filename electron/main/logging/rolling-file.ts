// The log's destination: kiosk.<n>.log in one folder, appended with a plain synchronous
// write per line (the lines before a crash are the ones an operator needs), a new file
// once the current one reaches its size, and the oldest removed so that at most `files`
// remain. Numbering carries on after a restart: the highest number is the current file.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export const LOG_FILE_PATTERN = /^kiosk\.(\d+)\.log$/;
export const logFileName = (n: number) => `kiosk.${n}.log`;

export interface RollingFileOptions {
  dir: string;
  maxBytes: number;
  /** Files kept, the current one included. */
  files: number;
}

/** The numbers of the log files in a folder, lowest first. */
export function logNumbers(dir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => Number(LOG_FILE_PATTERN.exec(name)?.[1] ?? NaN))
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
}

export class RollingFile {
  private fd: number;
  private number: number;
  private size: number;
  private closed = false;

  constructor(private readonly o: RollingFileOptions) {
    mkdirSync(o.dir, { recursive: true });
    this.number = logNumbers(o.dir).at(-1) ?? 1;
    this.fd = openSync(path.join(o.dir, logFileName(this.number)), 'a');
    this.size = fstatSync(this.fd).size;
    if (this.size >= o.maxBytes) this.roll();
    else this.prune();
  }

  /** Appends one line (or a few); pino calls this with each line it makes. */
  write(chunk: string): void {
    if (this.closed) return;
    const bytes = Buffer.byteLength(chunk);
    if (this.size > 0 && this.size + bytes > this.o.maxBytes) this.roll();
    try {
      writeSync(this.fd, chunk);
      this.size += bytes;
    } catch {
      // A full disk or a removed folder must not stop the kiosk; the next roll opens a fresh file.
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private roll(): void {
    closeSync(this.fd);
    this.number += 1;
    this.fd = openSync(path.join(this.o.dir, logFileName(this.number)), 'a');
    this.size = 0;
    this.prune();
  }

  /** Removes the oldest files beyond the number kept. */
  private prune(): void {
    for (const n of logNumbers(this.o.dir)) {
      if (n <= this.number - this.o.files) {
        try {
          unlinkSync(path.join(this.o.dir, logFileName(n)));
        } catch {
          // Already gone.
        }
      }
    }
  }
}
