// Progress of long work (building, verifying, uploading a pack of a gigabyte): on a
// terminal one line redrawn a few times a second; in a log or a pipe a new line every few
// seconds. Either way the tool is never silent for long, even in a step that cannot
// count its bytes. Written to stderr, so results on stdout stay clean.
import { bothLines, type Bilingual } from '../lib/report/bilingual.ts';

export interface ProgressOptions {
  /** Where to write; default process.stderr. */
  write?: (text: string) => void;
  /** Redraw one line in place (a terminal) or print new lines (a log); default: stderr is a terminal. */
  tty?: boolean;
  /** How often the line is redrawn on a terminal (250 ms), or a new line printed in a log (5 s). */
  everyMs?: number;
  /** A step that ends sooner than this prints nothing (1 s): small packs stay quiet. */
  quietMs?: number;
  now?: () => number;
}

const MB = 1e6;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

export function progressText(done: number, total: number, elapsedMs: number): string {
  const seconds = `${Math.round(elapsedMs / 1000)} s`;
  if (total <= 0) return done > 0 ? `  ${mb(done)} MB  ${seconds}` : `  …  ${seconds}`;
  const percent = Math.min(100, Math.floor((done / total) * 100));
  return `  ${String(percent).padStart(3)} %  ${mb(done)} / ${mb(total)} MB  ${seconds}`;
}

export class Progress {
  private readonly write: (text: string) => void;
  private readonly tty: boolean;
  private readonly everyMs: number;
  private readonly quietMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private title: Bilingual | undefined;
  private done = 0;
  private total = 0;
  private startedAt = 0;
  private shown: string | undefined;
  private shownAt = 0;

  constructor(options: ProgressOptions = {}) {
    this.write = options.write ?? ((text) => process.stderr.write(text));
    this.tty = options.tty ?? Boolean(process.stderr.isTTY);
    this.everyMs = options.everyMs ?? (this.tty ? 250 : 5000);
    this.quietMs = options.quietMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Starts a step: its name in both languages, then its progress. `total` bytes, or 0 when unknown. */
  step(title: Bilingual, total = 0): void {
    this.end();
    this.title = title;
    this.done = 0;
    this.total = total;
    this.startedAt = this.now();
    this.shown = undefined;
    this.timer = setInterval(() => this.tick(), Math.min(this.everyMs, 250));
    this.timer.unref();
  }

  /** Bytes done so far in this step (and, if it became known, its total). */
  update(done: number, total = this.total): void {
    this.done = done;
    this.total = total;
  }

  add(bytes: number): void {
    this.done += bytes;
  }

  /** Ends the step with its final figures. */
  end(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.shown === undefined) return;
    const text = progressText(this.total > 0 ? this.total : this.done, this.total, this.now() - this.startedAt);
    this.write(this.tty ? `\r\x1b[K${text}\n` : `${text}\n`);
  }

  /** Called a few times a second: shows the step once it has lasted `quietMs`, then its figures. */
  tick(): void {
    const now = this.now();
    if (now - this.startedAt < this.quietMs) return;
    const text = progressText(this.done, this.total, now - this.startedAt);
    if (this.shown === undefined) {
      this.write(`${bothLines(this.title!)}\n${text}${this.tty ? '' : '\n'}`);
      this.shownAt = now;
    } else if (this.tty) {
      if (text !== this.shown) this.write(`\r\x1b[K${text}`);
    } else if (now - this.shownAt >= this.everyMs) {
      this.write(`${text}\n`);
      this.shownAt = now;
    }
    this.shown = text;
  }
}
