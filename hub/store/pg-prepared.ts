// PostgreSQL plans a statement every time it is sent, unless it was prepared. Ingest sends
// a few statements hundreds of times a second; planning its event insert cost nearly as
// much as running it (pg_stat_statements in the ingest benchmark: 2.6 ms planning against
// 3.5 ms running, for 100 events). The statements marked here are prepared on each
// connection the first time they run there and then run by name; every other statement
// is sent as before. Only fixed texts are marked (a handful), so a connection holds a
// handful of prepared statements, never one per row count or per filter.
import pg from 'pg';

const names = new Map<string, string>();
/** A bound well above the statements ingest marks: a text built per call would grow this without end. */
const MOST = 32;

/** Marks `text` to be prepared on each connection and run by name there; returns it. */
export function preparedStatement(text: string): string {
  if (!names.has(text)) {
    if (names.size >= MOST) throw new Error('too many prepared statements: mark only fixed statement texts');
    names.set(text, `hub_prepared_${names.size + 1}`);
  }
  return text;
}

type Query = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;
const plainQuery = pg.Client.prototype.query as unknown as Query;

/** A pg client that runs the marked statements by name (pg prepares a name once per connection). */
export class PreparingClient extends pg.Client {}

(PreparingClient.prototype as unknown as { query: Query }).query = function query(config, values, callback) {
  const name = typeof config === 'string' ? names.get(config) : undefined;
  if (name === undefined || typeof values === 'function') return plainQuery.call(this, config, values, callback);
  return plainQuery.call(this, { name, text: config, values }, callback);
};
