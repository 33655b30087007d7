// The statements on ingest's hot path, written once (per table, columns, row count and
// dialect) instead of built by Kysely for every upload: a fleet sends hundreds of uploads
// a second, and building a 200-row insert costs more than the database takes to run it.
import type { HubStore } from '../open-store.ts';

const texts = new Map<string, string>();

/** `insert into table (columns) values (…), … tail` for `rows` rows, with the dialect's placeholders. */
export function bulkInsertText(dialect: HubStore['dialect'], table: string, columns: readonly string[], rows: number, tail = ''): string {
  const key = `${dialect}:${table}:${columns.join(',')}:${rows}:${tail}`;
  let text = texts.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}${tail ? ` ${tail}` : ''}`;
    texts.set(key, text);
  }
  return text;
}
