// The statements on ingest's hot path, written once (per table, columns, row count and
// dialect) instead of built by Kysely for every upload: a fleet sends hundreds of uploads
// a second, and building a 200-row insert costs more than the database takes to run it.
import { CompiledQuery, type Transaction } from 'kysely';
import type { HubStore } from '../open-store.ts';
import type { HubDatabase } from '../schema.ts';

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

/** Runs a bulk insert; `rows` are the values in column order. */
export async function bulkInsert<R>(trx: Transaction<HubDatabase>, text: string, rows: readonly (readonly unknown[])[]): Promise<R[]> {
  const result = await trx.executeQuery<R>(CompiledQuery.raw(text, rows.flat()));
  return result.rows;
}

const statements = new Map<string, string>();

/** Runs `text`, written with `?` placeholders, on either dialect (PostgreSQL numbers them). */
export async function runHot<R>(trx: Transaction<HubDatabase>, dialect: HubStore['dialect'], text: string, params: readonly unknown[]): Promise<R[]> {
  let sql = text;
  if (dialect === 'postgres') {
    sql = statements.get(text) ?? '';
    if (!sql) {
      let n = 0;
      sql = text.replace(/\?/g, () => `$${++n}`);
      statements.set(text, sql);
    }
  }
  return (await trx.executeQuery<R>(CompiledQuery.raw(sql, [...params]))).rows;
}
