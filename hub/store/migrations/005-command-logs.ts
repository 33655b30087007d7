// `logs` commands: how many lines the console asked for, and the lines the kiosk sent
// back (its log file's last lines, redacted on the kiosk), kept with the command.
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../open-store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function commandLogsSchema(_dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('commands').addColumn('lines_wanted', 'bigint').execute();
      await db.schema.alterTable('commands').addColumn('log_line_count', 'bigint').execute();
      /** The lines, joined with "\n". */
      await db.schema.alterTable('commands').addColumn('log_text', 'text').execute();
    },
    async down(db: AnyDb) {
      for (const column of ['log_text', 'log_line_count', 'lines_wanted']) await db.schema.alterTable('commands').dropColumn(column).execute();
    },
  };
}
