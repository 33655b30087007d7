// A refused pack as the console and `kiosk-pack publish` show it: the import's code, what
// is wrong and how to fix it in both languages, every problem with its place (file, row,
// field), and the same text the CLI prints.
import type { PackCheckFailure, PackProblem } from '../../../content/schema/hub-api/console/packs.ts';
import type { PackImportError } from '../../../content/lib/import/import-error.ts';
import { bothLines, type Bilingual } from '../../../content/lib/report/bilingual.ts';
import { formatProblem, formatSummary } from '../../../content/lib/report/format-problem.ts';
import type { Problem } from '../../../content/lib/report/problem.ts';

const text = (b: Bilingual) => ({ zh: b['zh-CN'], en: b.en });

export function problemRow(p: Problem): PackProblem {
  return {
    severity: p.severity,
    file: p.file || null,
    row: p.row ?? null,
    record: p.record ?? null,
    id: p.id ?? null,
    field: p.field ?? null,
    column: p.column ?? null,
    message: text(p.message),
    fix: text(p.fix),
  };
}

export function checkFailure(error: PackImportError): PackCheckFailure {
  const lines = [`✗ ${error.code}`, bothLines(error.text), `→ 怎么改：${error.fix['zh-CN']}`, `→ How to fix: ${error.fix.en}`];
  if (error.problems.length > 0) {
    // Errors first, each followed by a blank line, then the count: as `kiosk-pack validate` prints them.
    const ordered = [...error.problems.filter((p) => p.severity === 'error'), ...error.problems.filter((p) => p.severity === 'warning')];
    lines.push('', ...ordered.map((p) => `${formatProblem(p)}\n`), formatSummary(error.problems));
  }
  return {
    ok: false,
    code: error.code,
    message: text(error.text),
    fix: text(error.fix),
    problems: error.problems.map(problemRow),
    report: lines.join('\n'),
  };
}
