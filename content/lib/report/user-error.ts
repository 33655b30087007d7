// An error a person can act on: what happened and what to do, in Chinese and English.
import { bothLines, type Bilingual } from './bilingual.ts';

export class UserError extends Error {
  readonly text: Bilingual;
  readonly fix: Bilingual;

  constructor(text: Bilingual, fix: Bilingual, options?: { cause?: unknown }) {
    super(`${bothLines(text)}\n→ ${fix['zh-CN']}\n→ ${fix.en}`, options);
    this.name = 'UserError';
    this.text = text;
    this.fix = fix;
  }
}
