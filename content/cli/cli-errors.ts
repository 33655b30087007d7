// commander's usage errors, said in both languages: what was wrong, then (printed by
// the caller) the usage of the command that was called.
import type { CommanderError } from 'commander';
import { bi, type Bilingual } from '../lib/report/bilingual.ts';

/** The first 'quoted' word of commander's message: the option, argument or command it is about. */
const quoted = (message: string): string => /'([^']*)'/.exec(message)?.[1]?.split(' ')[0] ?? '';
const suggestion = (message: string): string | undefined => /Did you mean (.+?)\?/.exec(message)?.[1];

export function describeUsageError(error: CommanderError): Bilingual {
  const what = quoted(error.message);
  const maybe = suggestion(error.message);
  const hint = maybe ? bi(`（是不是要用 ${maybe}？）`, ` (did you mean ${maybe}?)`) : bi('', '');
  switch (error.code) {
    case 'commander.unknownOption':
      return bi(`不认识的选项 ${what}${hint['zh-CN']}`, `unknown option ${what}${hint.en}`);
    case 'commander.unknownCommand':
      return bi(`不认识的命令 ${what}${hint['zh-CN']}`, `unknown command ${what}${hint.en}`);
    case 'commander.missingArgument':
      return bi(`缺少参数 <${what}>`, `the argument <${what}> is missing`);
    case 'commander.optionMissingArgument':
      return bi(`选项 ${what} 后面要写一个值`, `the option ${what} needs a value`);
    case 'commander.missingMandatoryOptionValue':
      return bi(`缺少 ${what} 选项`, `${what} is required`);
    case 'commander.excessArguments':
      return bi('参数太多（文件名里有空格时，请用引号把它括起来）', 'too many arguments (put a file name with spaces in quotes)');
    case 'commander.conflictingOption':
      return bi('这两个选项不能一起用', 'these two options cannot be used together');
    default:
      return bi(`用法有误：${error.message.replace(/^error: /, '')}`, `wrong usage: ${error.message.replace(/^error: /, '')}`);
  }
}
