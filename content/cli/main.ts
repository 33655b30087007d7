// kiosk-pack: dispatches to one command per file in ./commands.
import { UserError } from '../lib/report/user-error.ts';
import { bothLines } from '../lib/report/bilingual.ts';
import { HELP } from './help.ts';
import { EXIT, UsageError } from './output.ts';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  init: () => import('./commands/init.ts'),
  'import-products': () => import('./commands/import-products.ts'),
  validate: () => import('./commands/validate.ts'),
  build: () => import('./commands/build.ts'),
  keygen: () => import('./commands/keygen.ts'),
  sign: () => import('./commands/sign.ts'),
  verify: () => import('./commands/verify.ts'),
  inspect: () => import('./commands/inspect.ts'),
  schema: () => import('./commands/schema.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`不认识的命令 unknown command: ${name}\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await (await load()).run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${bothLines(error.text)}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      console.log(`✗ ${error.message}`);
      return EXIT.problems;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
