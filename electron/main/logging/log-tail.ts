// The last lines of the kiosk's log, newest file first, for the hub's `logs` command and
// the admin screen. Reads from the end of each file, so a full 5 MB file costs a few
// kilobytes, never the whole file.
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { LOG_FILE_PATTERN } from './rolling-file.ts';

/** The most lines one request returns, and the longest line it keeps. */
export const MAX_TAIL_LINES = 1_000;
export const MAX_TAIL_LINE_CHARS = 2_000;
const CHUNK = 64 * 1024;

/** The log files, oldest first (kiosk.3.log before kiosk.4.log). */
export async function logFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .map((name) => ({ name, n: Number(LOG_FILE_PATTERN.exec(name)?.[1] ?? NaN) }))
    .filter((f) => Number.isFinite(f.n))
    .sort((a, b) => a.n - b.n)
    .map((f) => path.join(dir, f.name));
}

/** Up to `count` complete lines from the end of one file, oldest first. */
async function tailOfFile(file: string, count: number): Promise<string[]> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return [];
  try {
    const { size } = await handle.stat();
    let end = size;
    let bytes = Buffer.alloc(0);
    let lines: string[] = [];
    while (end > 0) {
      const start = Math.max(0, end - CHUNK);
      const chunk = Buffer.alloc(end - start);
      await handle.read(chunk, 0, chunk.length, start);
      // Decoded as one piece, so a character split between two reads stays whole.
      bytes = Buffer.concat([chunk, bytes]);
      end = start;
      lines = bytes.toString('utf8').split('\n');
      // The first piece may be the end of a line that began further back: not counted unless the file starts here.
      if ((end === 0 ? lines : lines.slice(1)).filter((l) => l.length > 0).length > count) break;
    }
    const whole = end === 0 ? lines : lines.slice(1);
    return whole.filter((l) => l.length > 0).slice(-count);
  } finally {
    await handle.close();
  }
}

/** The last `count` lines of the log (across its rolled files), oldest first, each cut to a readable length. */
export async function lastLogLines(dir: string, count: number): Promise<string[]> {
  const wanted = Math.max(0, Math.min(MAX_TAIL_LINES, Math.floor(count)));
  const files = await logFiles(dir);
  let out: string[] = [];
  for (let i = files.length - 1; i >= 0 && out.length < wanted; i--) {
    out = [...(await tailOfFile(files[i]!, wanted - out.length)), ...out];
  }
  return out.map((line) => (line.length > MAX_TAIL_LINE_CHARS ? `${line.slice(0, MAX_TAIL_LINE_CHARS - 1)}…` : line));
}
