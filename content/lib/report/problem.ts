// A problem found in a pack: where it is (file, row or record, field), what is wrong
// and how to fix it, in Chinese and English — merchandisers are not programmers.
import type { Bilingual } from './bilingual.ts';

export type Severity = 'error' | 'warning';

export interface Where {
  /** Path of the file inside the pack folder, e.g. "data/campaigns.json" or "products.csv". */
  file: string;
  /** Row of a sheet as a spreadsheet numbers it (the header is row 1). */
  row?: number;
  /** Position of a record in a list, counted from 1. */
  record?: number;
  /** The record's id or GTIN, when it has one. */
  id?: string;
  /** The field, as a JSON path with lists counted from 1 (`awards[1].game`). */
  field?: string;
  /** The sheet's column header, as the sheet writes it. */
  column?: string;
}

/** A record together with the place it came from, for problems found later. */
export interface Located<T> {
  value: T;
  where: Where;
}

export interface Problem extends Where {
  severity: Severity;
  message: Bilingual;
  fix: Bilingual;
}

/** Collects problems; `where` is merged into each so callers say the file once. */
export class ProblemList {
  readonly items: Problem[] = [];

  error(where: Where, message: Bilingual, fix: Bilingual): void {
    this.items.push({ severity: 'error', ...where, message, fix });
  }

  warn(where: Where, message: Bilingual, fix: Bilingual): void {
    this.items.push({ severity: 'warning', ...where, message, fix });
  }

  add(problems: Iterable<Problem>): void {
    for (const p of problems) this.items.push(p);
  }

  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}
