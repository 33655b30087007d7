// Command-line options, parsed with node:util and checked with bilingual messages.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { bi } from '../lib/report/bilingual.ts';
import { UsageError } from './output.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

export function readArgs<O extends Options>(argv: string[], options: O, positionals: readonly string[]): { values: Parsed<O>['values']; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(bi(`参数有误：${(error as Error).message}`, `wrong arguments: ${(error as Error).message}`));
  }
  if (parsed.positionals.length !== positionals.length) {
    const wanted = positionals.map((p) => `<${p}>`).join(' ');
    throw new UsageError(bi(`需要这些参数：${wanted}`, `expected: ${wanted}`));
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || !value) throw new UsageError(bi(`缺少 --${flag} 参数`, `--${flag} is required`));
  return value;
}
