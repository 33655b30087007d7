// A sheet's bytes → text. UTF-8 with or without BOM is expected; Excel on Chinese
// Windows saves "CSV" as GB18030/GBK, which is read too, with a note.
import { bi } from '../../report/bilingual.ts';
import type { Problem } from '../../report/problem.ts';

export function decodeSheet(bytes: Uint8Array, file: string): { text: string; problems: Problem[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, problems: [] };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    return {
      text,
      problems: [
        {
          severity: 'warning',
          file,
          message: bi('表格不是 UTF-8 编码，已按 GBK/GB18030 读取', 'the sheet is not UTF-8; it was read as GBK/GB18030'),
          fix: bi('在 Excel 中“另存为” → “CSV UTF-8（逗号分隔）”，避免乱码', 'in Excel use Save As → "CSV UTF-8 (Comma delimited)" to be sure'),
        },
      ],
    };
  }
}

/** Comma, tab or semicolon: whichever the header line uses most. */
export function guessDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  const counts = [',', '\t', ';'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
