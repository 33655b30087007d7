// A refused pack, printed the same way whoever refused it: `kiosk-pack verify` (the
// kiosk's import run here) and `kiosk-pack publish` (the hub's check of the upload). The
// import's code, what is wrong and how to fix it, then each problem as validate prints it.
import { bothLines, bi, type Bilingual } from '../lib/report/bilingual.ts';
import { formatProblem } from '../lib/report/format-problem.ts';
import type { Problem } from '../lib/report/problem.ts';

/** A refusal lists at most this many problems; the count says how many more there were. */
export const MAX_LISTED = 20;

export interface Refusal {
  code: string;
  text: Bilingual;
  fix: Bilingual;
  problems: readonly Problem[];
}

export function refusalLines(refusal: Refusal): string[] {
  const lines = [`✗ [${refusal.code}] ${bothLines(refusal.text)}`, `→ ${refusal.fix['zh-CN']}`, `→ ${refusal.fix.en}`];
  const ordered = [...refusal.problems.filter((p) => p.severity === 'error'), ...refusal.problems.filter((p) => p.severity === 'warning')];
  for (const problem of ordered.slice(0, MAX_LISTED)) lines.push('', formatProblem(problem));
  const more = ordered.length - MAX_LISTED;
  if (more > 0) {
    lines.push('', bothLines(bi(`……还有 ${more} 个问题；在内容包文件夹上运行 kiosk-pack validate 可以看到全部`, `… and ${more} more; run kiosk-pack validate on the pack folder to see them all`)));
  }
  return lines;
}
