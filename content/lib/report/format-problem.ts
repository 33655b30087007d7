// Prints problems the way a merchandiser reads them: location first, then what is
// wrong and how to fix it, each in Chinese and English.
import type { Problem, Where } from './problem.ts';

export function locationZh(w: Where): string {
  const parts = [w.file];
  if (w.row !== undefined) parts.push(`第 ${w.row} 行`);
  if (w.record !== undefined) parts.push(`第 ${w.record} 条`);
  if (w.id !== undefined) parts.push(`（${w.id}）`);
  if (w.column !== undefined) parts.push(`列「${w.column}」`);
  if (w.field !== undefined) parts.push(`字段「${w.field}」`);
  return parts.join(' ');
}

export function locationEn(w: Where): string {
  const parts = [w.file];
  if (w.row !== undefined) parts.push(`row ${w.row}`);
  if (w.record !== undefined) parts.push(`record ${w.record}`);
  if (w.id !== undefined) parts.push(`(${w.id})`);
  if (w.column !== undefined) parts.push(`column "${w.column}"`);
  if (w.field !== undefined) parts.push(`field "${w.field}"`);
  return parts.join(', ');
}

export function formatProblem(p: Problem): string {
  const [zh, en] = p.severity === 'error' ? ['✗ 错误', '✗ ERROR'] : ['! 提醒', '! WARNING'];
  return [
    `${zh}  ${locationZh(p)}`,
    `${en}  ${locationEn(p)}`,
    `  ${p.message['zh-CN']}`,
    `  ${p.message.en}`,
    `  → 怎么改：${p.fix['zh-CN']}`,
    `  → How to fix: ${p.fix.en}`,
  ].join('\n');
}

/** The counts, a line in each language: "2 个错误，1 个提醒" and "2 errors, 1 warning". */
export function formatSummary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const en = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return `${errors} 个错误，${warnings} 个提醒\n${en}`;
}
