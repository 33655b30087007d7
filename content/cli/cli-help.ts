// Help in both languages, one language per line (Chinese first): commander's headings
// and built-in texts replaced, every description written as two lines.
import { Command, Help } from 'commander';
import type { Bilingual } from '../lib/report/bilingual.ts';

/** A description for commander: the Chinese line, then the English line. */
export const twoLines = (text: Bilingual): string => `${text['zh-CN']}\n${text.en}`;

const TITLES: Record<string, Bilingual> = {
  'Usage:': { 'zh-CN': '用法', en: 'Usage:' },
  'Arguments:': { 'zh-CN': '参数', en: 'Arguments:' },
  'Options:': { 'zh-CN': '选项', en: 'Options:' },
  'Commands:': { 'zh-CN': '命令', en: 'Commands:' },
  'Global Options:': { 'zh-CN': '通用选项', en: 'Global Options:' },
};

class BilingualHelp extends Help {
  override styleTitle(title: string): string {
    const text = TITLES[title];
    return text ? twoLines(text) : title;
  }

  /** Both lines of a description start in the description column, however wide the terms are. */
  override formatItem(term: string, termWidth: number, description: string, helper: Help): string {
    const [first = '', ...rest] = description.split('\n');
    if (rest.length === 0) return super.formatItem(term, termWidth, description, helper);
    const indent = ' '.repeat(termWidth + 4);
    return [super.formatItem(term, termWidth, first, helper), ...rest.map((line) => indent + line)].join('\n');
  }
}

export const EXIT_CODES = twoLines({ 'zh-CN': '退出码：0 成功，1 有问题（已列出），2 用法错误', en: 'Exit codes: 0 done, 1 problems found (listed), 2 wrong usage' });

/** A commander command whose help (and its subcommands' help) is bilingual. */
export class KioskCommand extends Command {
  override createCommand(name?: string): KioskCommand {
    return new KioskCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new BilingualHelp(), this.configureHelp());
  }
}

export const HELP_FLAG_TEXT = twoLines({ 'zh-CN': '显示这条帮助', en: 'show this help' });
