// Runs one asset step in its own Node process and watches it. A step announces each
// file as it starts making it (a line "@@making <file>" on its stdout, written
// synchronously so it is out before any crash). If the process dies of a signal — a
// native library crashing, as libvips once did with exit 139 — the step runs once more
// (every step skips what it already made), and a second crash fails the build naming
// the file it was making. An ordinary failure (exit 1 with its message) is not retried.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

export const MAKING = '@@making ';

export interface StepCommand {
  /** What the step makes, for messages ('the demo pack'). */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last file the step said it was making, or null. */
  making: string | null;
}

/** Runs the command once, passing its output through except the "@@making" lines. */
export function runOnce(step: StepCommand, log: (line: string) => void = console.log): Promise<StepRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'inherit'], env: step.env ?? process.env });
    let making: string | null = null;
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(MAKING)) making = line.slice(MAKING.length);
      else log(line);
    });
    child.on('error', reject);
    // 'close', not 'exit': every line of its output has been read by then.
    child.on('close', (code, signal) => resolve({ code, signal, making }));
  });
}

/** A crash rather than a reported failure: killed by a signal, or a shell's 128+signal exit code. */
export const crashed = (run: StepRun) => run.signal !== null || (run.code !== null && run.code > 128);

function describe(step: StepCommand, run: StepRun): string {
  const how = run.signal ? `crashed (${run.signal})` : run.code !== null && run.code > 128 ? `crashed (exit ${run.code})` : `failed (exit ${run.code})`;
  return `${step.name} ${how}${run.making ? ` while making ${run.making}` : ''}`;
}

export async function runStep(step: StepCommand, options: { retries?: number; log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? console.log;
  const retries = options.retries ?? 1;
  for (let attempt = 0; ; attempt++) {
    const run = await runOnce(step, log);
    if (run.code === 0) return;
    if (!crashed(run)) throw new Error(describe(step, run));
    if (attempt >= retries) throw new Error(`${describe(step, run)}, and again after ${retries === 1 ? 'a retry' : `${retries} retries`}`);
    log(`${describe(step, run)}: running it again`);
  }
}
