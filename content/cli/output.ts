// How the CLI talks: problems and results in Chinese and English, on stdout; usage
// mistakes on stderr.
import { bothLines, type Bilingual } from '../lib/report/bilingual.ts';
import { formatProblem, formatSummary } from '../lib/report/format-problem.ts';
import type { Problem } from '../lib/report/problem.ts';

export const say = (text: Bilingual | string): void => console.log(typeof text === 'string' ? text : bothLines(text));

export function printProblems(problems: readonly Problem[]): void {
  const ordered = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
  for (const problem of ordered) console.log(`${formatProblem(problem)}\n`);
  console.log(formatSummary(problems));
}

export const formatSize = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);

/** Exit codes: 0 done, 1 the pack has problems or was refused, 2 the command was used wrongly. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}
