// Reading the cells people type into a product sheet: prices in yuan, dates in several
// spellings, barcodes (also the ones Excel mangled), lists.
import { gs1CheckDigit } from '../../../schema/gtin.ts';
import { bi, shown, type Bilingual } from '../../report/bilingual.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: Bilingual; fix: Bilingual };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = <T>(message: Bilingual, fix: Bilingual): CellResult<T> => ({ ok: false, message, fix });

/** "12.99", "¥12.99", "12.99元", "1,299" → fen (1299 …), without floating-point rounding. */
export function parseYuan(cell: string): CellResult<number> {
  const text = cell.normalize('NFKC').replace(/[¥\s]|元|rmb|cny/gi, '').replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) {
    const decimalComma = /^(\d+),(\d{1,2})$/.exec(text);
    if (decimalComma) {
      const dotted = `${decimalComma[1]}.${decimalComma[2]!.padEnd(2, '0')}`;
      return bad(bi(`价格 ${shown(cell)} 用逗号表示小数`, `the price ${shown(cell)} uses a comma for the decimals`), bi(`小数请用小数点：${dotted}`, `use a dot for the decimals: ${dotted}`));
    }
    if (/^\d+\.\d{3,}$/.test(text)) {
      return bad(bi(`价格 ${shown(cell)} 的小数超过两位`, `the price ${shown(cell)} has more than two decimals`), bi('价格以元为单位，最多精确到分，例如 12.99', 'write the price in yuan with at most two decimals, e.g. 12.99'));
    }
    return bad(bi(`价格 ${shown(cell)} 不是数字`, `the price ${shown(cell)} is not a number`), bi('以元为单位写数字，例如 12.99（不要写文字）', 'write a number in yuan, e.g. 12.99 (no words)'));
  }
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return bad(bi(`价格 ${shown(cell)} 太大`, `the price ${shown(cell)} is too large`), bi('检查价格', 'check the price'));
  return ok(fen);
}

/** "2026-03-01", "2026/3/1", "2026.3.1", "20260301", "2026年3月1日" → "2026-03-01". */
export function parseDate(cell: string): CellResult<string> {
  const text = cell.normalize('NFKC').trim();
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const fail = bad<string>(bi(`日期 ${shown(cell)} 看不懂`, `the date ${shown(cell)} cannot be read`), bi('日期写成 2026-03-01 这样的格式', 'write the date like 2026-03-01'));
  if (!match) return fail;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return bad(bi(`日期 ${shown(cell)} 不存在`, `the date ${shown(cell)} does not exist`), bi('检查月份和日期', 'check the month and day'));
  }
  return ok(`${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * A barcode cell → the 14-digit GTIN. Spaces and dashes are ignored; a number Excel
 * turned into "6.90123E+12" and a wrong check digit are explained.
 */
export function parseBarcode(cell: string): CellResult<string> {
  const text = cell.normalize('NFKC').replace(/[\s-]/g, '');
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) {
    return bad(
      bi(`条码 ${shown(cell)} 被 Excel 变成了科学计数法`, `Excel turned the barcode ${shown(cell)} into scientific notation`),
      bi('把这一列设为“文本”格式，再重新输入条码', 'format the column as Text, then type the barcodes again'),
    );
  }
  if (!/^\d+$/.test(text)) {
    return bad(bi(`条码 ${shown(cell)} 里有数字以外的字符`, `the barcode ${shown(cell)} contains something other than digits`), bi('条码只写数字，例如 6901234567892', 'write only the digits, e.g. 6901234567892'));
  }
  if (![8, 12, 13, 14].includes(text.length)) {
    return bad(
      bi(`条码 ${shown(cell)} 有 ${text.length} 位，条码应是 8、12、13 或 14 位`, `the barcode ${shown(cell)} has ${text.length} digits; barcodes have 8, 12, 13 or 14`),
      bi('对照商品包装重新输入条码；店内编码请写在“其他编码”列', 'retype the barcode from the package; put store codes in the "codes" column'),
    );
  }
  const expected = gs1CheckDigit(text.slice(0, -1));
  if (expected !== Number(text.at(-1))) {
    const corrected = text.slice(0, -1) + String(expected);
    return bad(
      bi(`条码 ${text} 的最后一位（校验位）不对，按前面的数字应是 ${expected}`, `the last digit (check digit) of ${text} is wrong: from the other digits it should be ${expected}`),
      bi(`对照商品包装核对整个条码；如果前面的数字都对，条码应是 ${corrected}`, `check the whole barcode against the package; if the other digits are right it is ${corrected}`),
    );
  }
  return ok(text.padStart(14, '0'));
}

/** "a; b，c、d" → ["a", "b", "c", "d"]. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;；,，、|\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
